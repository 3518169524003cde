package fr.paris.casvp.guichet.figures;

import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.figures.DatedFigures;
import fr.paris.casvp.guichet.contracts.figures.FigureFamily;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The dated figures whose revaluation is overdue, as gauges an alert reads (deploy/monitoring, "GuichetDatedFigureStale"):
 * {@code guichet_dated_figure_stale{figure, family}} is 1 while a figure's due date has passed without a new value, else
 * 0; {@code guichet_dated_figure_due_timestamp_seconds{figure, family}} the day (midnight, Paris) it was due, NaN while
 * it is not stale. The family is its identifier in the catalogue, lower-cased. Read from the database every minute
 * ({@code guichet.figures.stale-interval}).
 */
public class StaleFigureGauges {

    private final Figures figures;
    private final Clock clock;
    private volatile Map<String, DatedFigures.Stale> stale = Map.of();

    public StaleFigureGauges(Figures figures, FigureCatalogue catalogue, MeterRegistry meters, Clock clock) {
        this.figures = figures;
        this.clock = clock;
        for (Map.Entry<String, FigureFamily> family : catalogue.families().entrySet()) {
            String tag = family.getKey().toLowerCase(Locale.ROOT);
            for (String name : family.getValue().labels().keySet()) {
                Gauge.builder("guichet.dated.figure.stale", this, gauges -> gauges.stale.containsKey(name) ? 1 : 0)
                        .description("1 while the figure's revaluation is overdue: no new value since its due date")
                        .tag("figure", name).tag("family", tag).register(meters);
                Gauge.builder("guichet.dated.figure.due.timestamp", this, gauges -> gauges.dueSince(name))
                        .description("The day a stale figure's new value was due").baseUnit("seconds")
                        .tag("figure", name).tag("family", tag).register(meters);
            }
        }
    }

    @Scheduled(fixedDelayString = "${guichet.figures.stale-interval:PT1M}", initialDelay = 2_000)
    public void refresh() {
        stale = figures.stale(ParisTime.today(clock)).stream().collect(Collectors.toMap(DatedFigures.Stale::name, Function.identity()));
    }

    private double dueSince(String name) {
        DatedFigures.Stale figure = stale.get(name);
        return figure == null ? Double.NaN : figure.dueSince().atTime(LocalTime.MIDNIGHT).atZone(ParisTime.ZONE).toEpochSecond();
    }
}
