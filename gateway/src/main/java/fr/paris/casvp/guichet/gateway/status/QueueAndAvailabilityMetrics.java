package fr.paris.casvp.guichet.gateway.status;

import fr.paris.casvp.guichet.gateway.GuichetServices;
import fr.paris.casvp.guichet.gateway.intake.ReceiptBook;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of each benefit from the gateway, which stays up when a service does not: its availability
 * as the status board shows it, and its queue of commands (receipts still QUEUED), how many and since when.
 *
 * <ul>
 *   <li>{@code guichet_benefit_availability{benefit, state}}: 1 for the state the benefit is in (AVAILABLE, DEGRADED,
 *       UNAVAILABLE), 0 for the others;</li>
 *   <li>{@code guichet_intake_queue_depth{benefit}}: commands waiting;</li>
 *   <li>{@code guichet_intake_queue_oldest_age_seconds{benefit}}: how long the oldest has waited (0 when none).</li>
 * </ul>
 */
@Component
class QueueAndAvailabilityMetrics {

    QueueAndAvailabilityMetrics(GuichetServices services, ServiceHealthMonitor monitor, ReceiptBook receipts, Clock clock,
                                MeterRegistry meters) {
        for (String benefit : services.services().keySet()) {
            for (ServiceState.Availability state : ServiceState.Availability.values()) {
                Gauge.builder("guichet.benefit.availability", () -> monitor.availability(benefit) == state ? 1 : 0)
                        .description("1 for the state the benefit is in, as the status board says")
                        .tag("benefit", benefit).tag("state", state.name()).register(meters);
            }
            Gauge.builder("guichet.intake.queue.depth", () -> receipts.queued(benefit))
                    .description("Commands queued for the benefit's service and not applied yet")
                    .tag("benefit", benefit).register(meters);
            Gauge.builder("guichet.intake.queue.oldest.age", () -> receipts.oldestQueued(benefit)
                            .map(oldest -> Math.max(0, Duration.between(oldest, clock.instant()).toSeconds())).orElse(0L))
                    .description("How long the oldest queued command has waited (0 when none waits)")
                    .baseUnit("seconds").tag("benefit", benefit).register(meters);
        }
    }
}
