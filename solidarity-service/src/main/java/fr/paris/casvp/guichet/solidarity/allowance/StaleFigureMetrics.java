package fr.paris.casvp.guichet.solidarity.allowance;

import fr.paris.casvp.guichet.contracts.figures.DatedFigures;
import fr.paris.casvp.guichet.solidarity.domain.FigureFamily;
import fr.paris.casvp.guichet.solidarity.domain.ParameterNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalTime;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The dated figures whose revaluation is overdue, as gauges an alert reads (deploy/monitoring, "DatedFigureStale"):
 * {@code guichet_dated_figure_stale{figure, family}} is 1 while a figure's due date has passed without a new value, else
 * 0; {@code guichet_dated_figure_due_timestamp_seconds{figure, family}} the day (midnight, Paris) it was due, NaN while
 * it is not stale. Read from the database every minute.
 */
@Component
class StaleFigureMetrics {

    private final ParameterService parameters;
    private volatile Map<String, DatedFigures.Stale> stale = Map.of();

    StaleFigureMetrics(ParameterService parameters, MeterRegistry meters) {
        this.parameters = parameters;
        for (String name : ParameterNames.ALL) {
            String family = FigureFamily.of(name).name().toLowerCase(java.util.Locale.ROOT);
            Gauge.builder("guichet.dated.figure.stale", this, metrics -> metrics.stale.containsKey(name) ? 1 : 0)
                    .description("1 while the figure's revaluation is overdue: no new value since its due date")
                    .tag("figure", name).tag("family", family).register(meters);
            Gauge.builder("guichet.dated.figure.due.timestamp", this, metrics -> {
                        DatedFigures.Stale figure = metrics.stale.get(name);
                        return figure == null ? Double.NaN
                                : figure.dueSince().atTime(LocalTime.MIDNIGHT).atZone(fr.paris.casvp.guichet.contracts.ParisTime.ZONE)
                                        .toEpochSecond();
                    })
                    .description("The day a stale figure's new value was due").baseUnit("seconds")
                    .tag("figure", name).tag("family", family).register(meters);
        }
    }

    @Scheduled(fixedDelayString = "${guichet.solidarity.stale-figures-interval:PT1M}", initialDelay = 2_000)
    void refresh() {
        stale = parameters.staleToday().stream().collect(Collectors.toMap(DatedFigures.Stale::name, Function.identity()));
    }
}
