package fr.paris.casvp.guichet.housing.simulation;

import fr.paris.casvp.guichet.contracts.figures.DatedFigure;
import fr.paris.casvp.guichet.contracts.figures.DatedFigures;
import fr.paris.casvp.guichet.contracts.figures.FamilyView;
import fr.paris.casvp.guichet.contracts.figures.FigureFamily;
import fr.paris.casvp.guichet.housing.domain.Assessment;
import fr.paris.casvp.guichet.housing.domain.Household;
import fr.paris.casvp.guichet.housing.domain.HousingFigures;
import fr.paris.casvp.guichet.housing.domain.ParisLogement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * Paris Logement's rules with the figures shipped with the service ({@code housing/figures.csv}, read once): what they
 * give a household on a day, and which of that day's figures are stale (a revaluation due and not recorded).
 */
@Component
public class HousingRules {

    /** An assessment, and the stale figures it was made with (empty when none). */
    public record Result(Assessment assessment, List<DatedFigures.Stale> stale) {
    }

    private final List<DatedFigure> rows = DatedFigures.read(HousingFigures.RESOURCE);

    public Result assess(Household household, LocalDate date) {
        HousingFigures figures = HousingFigures.on(date, rows);
        return new Result(ParisLogement.assess(household, figures), figures.stale());
    }

    /**
     * How many months back a reception time may go on a day (RM I/B art. 3): a dated figure, as every benefit's
     * reception window.
     */
    public int receptionMonths(LocalDate date) {
        return HousingFigures.on(date, rows).value("reception.months").intValueExact();
    }

    /**
     * Every figure, by family of {@link HousingFigures#CATALOGUE}, with its history and the warning of those stale on
     * {@code date}: the values are shipped with the service ({@code release}), a new one comes with a new version.
     */
    public List<FamilyView> families(LocalDate date) {
        Map<String, DatedFigures.Stale> stale = stale(date).stream().collect(Collectors.toMap(DatedFigures.Stale::name, s -> s));
        Map<String, List<FamilyView.Row>> history = rows.stream().collect(Collectors.groupingBy(DatedFigure::name,
                Collectors.mapping(row -> new FamilyView.Row(row.effectiveFrom(), row.value(), row.source(), "release", null),
                        Collectors.toList())));
        List<FigureFamily> catalogue = HousingFigures.CATALOGUE;
        return IntStream.range(0, catalogue.size())
                .mapToObj(i -> FamilyView.of("housing-" + (i + 1), catalogue.get(i), history, stale)).toList();
    }

    /** The figures of a day that are stale. */
    public List<DatedFigures.Stale> stale(LocalDate date) {
        return HousingFigures.on(date, rows).stale();
    }
}
