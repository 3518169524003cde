package fr.paris.casvp.guichet.solidarity.domain;

import fr.paris.casvp.guichet.contracts.ParisTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A figure whose revaluation was due and was not recorded: the value in force is the latest one known, and it has been
 * in force since before the day a new one was due. Every amount computed with it from that day may be wrong.
 *
 * @param name         the figure, e.g. {@code ceiling.elderly.single}
 * @param label        its French name
 * @param value        the value still in force
 * @param inForceSince the day that value took effect
 * @param dueSince     the day a new value was due
 * @param revaluation  how its family is revalued, in French
 */
public record StaleFigure(String name, String label, BigDecimal value, LocalDate inForceSince, LocalDate dueSince,
                          String revaluation) {

    /**
     * The figures stale on {@code date}: the value in force is the latest row of its name (none dated after it, even
     * for the future) and the next due date of its family after it has come. A figure whose later value was recorded,
     * even late, is not stale at any date: the history is what was decided.
     */
    public static List<StaleFigure> on(LocalDate date, Collection<DatedParameter> rows) {
        Map<String, List<DatedParameter>> byName = rows.stream().collect(Collectors.groupingBy(DatedParameter::name));
        return byName.entrySet().stream()
                .map(entry -> stale(entry.getKey(), entry.getValue(), date))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(StaleFigure::name))
                .toList();
    }

    private static Optional<StaleFigure> stale(String name, List<DatedParameter> rows, LocalDate date) {
        DatedParameter latest = rows.stream().max(Comparator.comparing(DatedParameter::effectiveFrom)).orElseThrow();
        if (latest.effectiveFrom().isAfter(date)) {
            return Optional.empty();
        }
        FigureFamily family = FigureFamily.of(name);
        return family.revaluation().nextDueAfter(latest.effectiveFrom())
                .filter(due -> !due.isAfter(date))
                .map(due -> new StaleFigure(name, FigureFamily.label(name), latest.value(), latest.effectiveFrom(), due,
                        family.revaluation().french()));
    }

    /** The warning an agent reads. */
    public String french() {
        return ("%s : la valeur en vigueur, %s depuis le %s, devait être revalorisée le %s (%s) et aucune nouvelle valeur "
                + "n'a été saisie. Les montants calculés avec ce chiffre peuvent être faux.")
                .formatted(label, String.format(Locale.FRANCE, "%,.2f €", value), ParisTime.inWords(inForceSince),
                        ParisTime.inWords(dueSince), revaluation);
    }
}
