package fr.paris.casvp.guichet.contracts.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A stale figure as every service's API shows it (a simulation, a refused run, the figures' screen): which, its value
 * and since when, the day a new value was due, and the warning an agent reads ({@code message}, in French).
 */
public record FigureWarning(String figure, String label, BigDecimal value, LocalDate inForceSince, LocalDate dueSince,
                            String revaluation, String message) {

    public static FigureWarning of(DatedFigures.Stale stale) {
        return new FigureWarning(stale.name(), stale.label(), stale.value(), stale.inForceSince(), stale.dueSince(),
                stale.revaluation(), stale.french());
    }

    public static List<FigureWarning> of(List<DatedFigures.Stale> stale) {
        return stale.stream().map(FigureWarning::of).toList();
    }
}
