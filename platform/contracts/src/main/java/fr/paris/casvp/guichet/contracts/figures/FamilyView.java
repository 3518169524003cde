package fr.paris.casvp.guichet.contracts.figures;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A family of a benefit's dated figures as every service resting on them answers {@code GET
 * /api/<code>/parameters/families} (the "Paramètres" screen): how it is revalued and on what basis, and each figure with
 * its history, the latest first, and its warning when it is stale.
 *
 * @param family its identifier in the service ({@code CEILINGS}...)
 * @param label  its French name
 */
public record FamilyView(String family, String label, String revaluation, String basis, List<FigureView> figures) {

    public FamilyView {
        figures = List.copyOf(figures);
    }

    /** @param stale its warning when its revaluation is overdue; null otherwise */
    public record FigureView(String name, String label, FigureWarning stale, List<Row> history) {

        public FigureView {
            history = List.copyOf(history);
        }
    }

    /**
     * A value of a figure.
     *
     * @param recordedBy the administrator who proposed it, or {@code migration} / {@code release} for the values shipped
     *                   with the service
     * @param recordedAt when it was recorded; null for the values shipped
     */
    public record Row(LocalDate effectiveFrom, BigDecimal value, String source, String recordedBy, Instant recordedAt) {
    }

    /**
     * A family of the catalogue with its figures in their order of name.
     *
     * @param history every figure's rows, by name, in any order
     * @param stale   the figures stale today, by name
     */
    public static FamilyView of(String id, FigureFamily family, Map<String, List<Row>> history, Map<String, DatedFigures.Stale> stale) {
        return new FamilyView(id, family.french(), family.revaluation().french(), family.basis(), family.labels().keySet().stream()
                .sorted().map(name -> new FigureView(name, family.labels().get(name),
                        stale.containsKey(name) ? FigureWarning.of(stale.get(name)) : null,
                        history.getOrDefault(name, List.of()).stream().sorted(Comparator.comparing(Row::effectiveFrom).reversed())
                                .toList()))
                .toList());
    }
}
