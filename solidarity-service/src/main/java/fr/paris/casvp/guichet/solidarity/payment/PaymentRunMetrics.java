package fr.paris.casvp.guichet.solidarity.payment;

import fr.paris.casvp.guichet.solidarity.domain.PaymentRunReport;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The progress of the latest monthly payment run, as gauges an operator watches and alerts on (a run not finished an
 * hour after it started: deploy/monitoring). Read from the database every 15 s, not at each scrape: counting a run of a
 * million grants takes a while. {@code guichet_payment_run_*}: {@code running} (1 or 0), {@code started_timestamp_seconds},
 * {@code grants}, {@code processed}, {@code ordered}, {@code ordered_amount_euros}, {@code skipped}, {@code paid},
 * {@code failed}; none before the first run.
 */
@Component
class PaymentRunMetrics {

    private final PaymentRunService runs;
    private volatile Optional<PaymentRunReport> latest = Optional.empty();

    PaymentRunMetrics(PaymentRunService runs, MeterRegistry meters) {
        this.runs = runs;
        gauge(meters, "running", "1 while the latest run is not completed", run -> "COMPLETED".equals(run.status()) ? 0 : 1);
        gauge(meters, "started.timestamp", "When the latest run started (seconds since the epoch)",
                run -> run.startedAt().getEpochSecond(), "seconds");
        gauge(meters, "grants", "Grants the latest run pays", PaymentRunReport::grants);
        gauge(meters, "processed", "Grants the latest run has gone through", PaymentRunReport::processed);
        gauge(meters, "ordered", "Payment orders the latest run sent", PaymentRunReport::ordered);
        gauge(meters, "ordered.amount", "Total of the latest run's payment orders", run -> run.orderedTotal().doubleValue(), "euros");
        gauge(meters, "skipped", "Grants the latest run recorded without paying", PaymentRunReport::skipped);
        gauge(meters, "paid", "The latest run's payments the treasury confirmed", PaymentRunReport::paid);
        gauge(meters, "failed", "The latest run's payments the treasury failed", PaymentRunReport::failed);
    }

    private void gauge(MeterRegistry meters, String name, String description, ToDoubleFunction<PaymentRunReport> value) {
        gauge(meters, name, description, value, null);
    }

    private void gauge(MeterRegistry meters, String name, String description, ToDoubleFunction<PaymentRunReport> value,
                       String unit) {
        Gauge.builder("guichet.payment.run." + name, this, metrics -> metrics.latest.map(value::applyAsDouble).orElse(Double.NaN))
                .description(description).baseUnit(unit).register(meters);
    }

    @Scheduled(fixedDelayString = "${guichet.solidarity.payment-run-metrics-interval:PT15S}", initialDelay = 5_000)
    void refresh() {
        latest = runs.latestReport();
    }
}
