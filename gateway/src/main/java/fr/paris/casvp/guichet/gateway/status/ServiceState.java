package fr.paris.casvp.guichet.gateway.status;

import java.time.Instant;

/**
 * What the status board says of one service.
 *
 * @param name           route and circuit breaker name
 * @param label          how people call it
 * @param status         {@code UP} when its readiness answers UP and its breaker lets calls through, else {@code DOWN}
 * @param since          when {@code status} last changed (as seen by this gateway)
 * @param health         last readiness seen: {@code UP}, {@code DOWN} or {@code UNREACHABLE}
 * @param circuitBreaker state of the route's breaker: {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}...
 */
public record ServiceState(String name, String label, Status status, Instant since, String health, String circuitBreaker) {

    public enum Status { UP, DOWN }
}
