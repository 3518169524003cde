package fr.paris.casvp.guichet.housing.simulation;

import fr.paris.casvp.guichet.contracts.figures.DatedFigures;
import fr.paris.casvp.guichet.figures.Figures;
import fr.paris.casvp.guichet.housing.domain.Assessment;
import fr.paris.casvp.guichet.housing.domain.Household;
import fr.paris.casvp.guichet.housing.domain.HousingFigures;
import fr.paris.casvp.guichet.housing.domain.ParisLogement;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Paris Logement's rules with its dated figures as recorded in its database (the platform's figures: the rows of
 * {@code housing/figures.csv} shipped with the service, and the values administrators add in "Paramètres"): what they
 * give a household on a day, and which of that day's figures are stale (a revaluation due and not recorded).
 */
@Component
public class HousingRules {

    /** An assessment, and the stale figures it was made with (empty when none). */
    public record Result(Assessment assessment, List<DatedFigures.Stale> stale) {
    }

    private final Figures figures;

    HousingRules(Figures figures) {
        this.figures = figures;
    }

    public Result assess(Household household, LocalDate date) {
        HousingFigures onDay = new HousingFigures(date, figures.table());
        return new Result(ParisLogement.assess(household, onDay), onDay.stale());
    }

    /**
     * How many months back a reception time may go on a day (RM I/B art. 3): a dated figure, as every benefit's
     * reception window.
     */
    public int receptionMonths(LocalDate date) {
        return figures.table().value("reception.months", date).intValueExact();
    }
}
