package fr.paris.casvp.guichet.contracts.figures;

import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A benefit's dated figures: what is in force on a day, and what is stale (a revaluation due and not recorded). Every
 * figure belongs to a {@link FigureFamily} of the catalogue given; a row of a name no family knows is refused.
 */
public final class DatedFigures {

    private final List<DatedFigure> rows;
    private final List<FigureFamily> catalogue;

    public DatedFigures(Collection<DatedFigure> rows, List<FigureFamily> catalogue) {
        this.rows = List.copyOf(rows);
        this.catalogue = List.copyOf(catalogue);
        List<String> unknown = this.rows.stream().map(DatedFigure::name).filter(name -> family(name).isEmpty()).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Figures of no family: " + unknown);
        }
    }

    public List<DatedFigure> rows() {
        return rows;
    }

    /** The value of {@code name} in force on {@code date}; refused (422) naming it when none is. */
    public BigDecimal value(String name, LocalDate date) {
        return inForce(name, date).map(DatedFigure::value).orElseThrow(() -> new Refusal(Refusal.Kind.UNPROCESSABLE,
                ProblemTypes.REQUEST_REFUSED, "No figure in force", "No value of " + name + " is in force on " + date + "."));
    }

    /** The row of {@code name} in force on {@code date}, its source with it. */
    public Optional<DatedFigure> inForce(String name, LocalDate date) {
        return rows.stream().filter(row -> row.name().equals(name) && !row.effectiveFrom().isAfter(date))
                .max(Comparator.comparing(DatedFigure::effectiveFrom));
    }

    /**
     * The figures stale on {@code date}: the value in force is the latest row of its name (none dated after it, even for
     * the future) and the next due date of its family after it has come. A figure whose later value was recorded, even
     * late, is not stale at any date: the history is what was decided.
     */
    public List<Stale> staleOn(LocalDate date) {
        Map<String, List<DatedFigure>> byName = rows.stream().collect(Collectors.groupingBy(DatedFigure::name));
        List<Stale> stale = new ArrayList<>();
        byName.forEach((name, named) -> {
            DatedFigure latest = named.stream().max(Comparator.comparing(DatedFigure::effectiveFrom)).orElseThrow();
            FigureFamily family = family(name).orElseThrow();
            if (!latest.effectiveFrom().isAfter(date)) {
                family.revaluation().nextDueAfter(latest.effectiveFrom()).filter(due -> !due.isAfter(date))
                        .ifPresent(due -> stale.add(new Stale(name, family.labels().get(name), latest.value(), latest.effectiveFrom(),
                                due, family.revaluation().french())));
            }
        });
        stale.sort(Comparator.comparing(Stale::name));
        return List.copyOf(stale);
    }

    private Optional<FigureFamily> family(String name) {
        return catalogue.stream().filter(family -> family.labels().containsKey(name)).findFirst();
    }

    /**
     * Rows from a resource of the class path (UTF-8), one a line: {@code name;effective_from;value;source}, lines
     * starting with {@code #} ignored.
     */
    public static List<DatedFigure> read(String resource) {
        try (InputStream in = DatedFigures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            List<DatedFigure> rows = new ArrayList<>();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(";", 4);
                if (fields.length != 4 || fields[3].isBlank()) {
                    throw new IllegalStateException(resource + " line " + (i + 1) + ": not name;effective_from;value;source");
                }
                rows.add(new DatedFigure(fields[0].strip(), LocalDate.parse(fields[1].strip()), new BigDecimal(fields[2].strip()),
                        fields[3].strip()));
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A figure whose revaluation was due and was not recorded: every amount computed with it from that day may be wrong.
     *
     * @param name         the figure
     * @param label        its French name
     * @param value        the value still in force
     * @param inForceSince the day that value took effect
     * @param dueSince     the day a new value was due
     * @param revaluation  how its family is revalued, in French
     */
    public record Stale(String name, String label, BigDecimal value, LocalDate inForceSince, LocalDate dueSince, String revaluation) {

        /** The warning an agent reads. */
        public String french() {
            return ("%s : la valeur en vigueur, %s depuis le %s, devait être revalorisée le %s (%s) et aucune nouvelle valeur "
                    + "n'a été saisie. Les montants calculés avec ce chiffre peuvent être faux.")
                    .formatted(label, String.format(Locale.FRANCE, "%,.2f €", value), ParisTime.inWords(inForceSince),
                            ParisTime.inWords(dueSince), revaluation);
        }
    }
}
