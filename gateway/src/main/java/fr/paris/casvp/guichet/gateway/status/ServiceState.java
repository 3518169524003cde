package fr.paris.casvp.guichet.gateway.status;

import java.time.Instant;

/**
 * What the status board says of one service.
 *
 * @param name           route and circuit breaker name
 * @param label          how people call it (French: the waiting room reads it)
 * @param status         {@code UP} when its readiness answers UP and its breaker lets calls through, else {@code DOWN}
 * @param availability   what the counter can do: AVAILABLE; DEGRADED (down, but its applications are still accepted:
 *                       queued, decisions delayed); UNAVAILABLE (down, and nothing can be queued)
 * @param since          when {@code availability} last changed (as seen by this gateway)
 * @param queued         commands waiting in its queue (receipts still QUEUED)
 * @param message        the supervisor's message for this service, if any
 * @param health         last readiness seen: {@code UP}, {@code DOWN} or {@code UNREACHABLE}
 * @param circuitBreaker state of the route's breaker: {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}...
 */
public record ServiceState(String name, String label, Status status, Availability availability, Instant since, long queued,
                           String message, String health, String circuitBreaker) {

    public enum Status { UP, DOWN }

    public enum Availability { AVAILABLE, DEGRADED, UNAVAILABLE }
}
