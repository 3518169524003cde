package fr.paris.casvp.guichet.solidarity.domain;

import fr.paris.casvp.guichet.contracts.figures.DatedFigure;
import fr.paris.casvp.guichet.contracts.figures.DatedFigures;
import fr.paris.casvp.guichet.contracts.figures.Revaluation;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The families of Paris Solidarité's dated figures, each with how it is revalued and the French name of each figure
 * (what the warnings, the status board and the "Paramètres" screen show).
 */
public enum FigureFamily {

    /** RM II.1.1 b/6: the ceilings are revalued every 1 January (by deliberation of the Conseil de Paris). */
    CEILINGS("Plafonds mensuels de Paris Solidarité", Revaluation.yearlyOn(MonthDay.of(1, 1), "chaque 1er janvier"),
            "RM II.1.1 b/6", Map.of(
                    ParameterNames.CEILING_ELDERLY_SINGLE, "Plafond mensuel Paris Solidarité, personne âgée seule",
                    ParameterNames.CEILING_ELDERLY_COUPLE, "Plafond mensuel Paris Solidarité, couple (personnes âgées)",
                    ParameterNames.CEILING_DISABLED_SINGLE, "Plafond mensuel Paris Solidarité, personne handicapée seule",
                    ParameterNames.CEILING_DISABLED_COUPLE, "Plafond mensuel Paris Solidarité, couple (personnes handicapées)")),
    /** CSS L816-2: the ASPA is revalued every 1 January (Cnav circular). */
    ASPA("Allocation de solidarité aux personnes âgées (ASPA)", Revaluation.yearlyOn(MonthDay.of(1, 1), "chaque 1er janvier"),
            "CSS L816-2", Map.of(
                    ParameterNames.ASPA_ANNUAL_SINGLE, "ASPA annuelle, personne seule",
                    ParameterNames.ASPA_ANNUAL_COUPLE, "ASPA annuelle, couple")),
    /** CSS L821-3-1: the AAH is revalued every 1 April (décret). */
    AAH("Allocation aux adultes handicapés (AAH)", Revaluation.yearlyOn(MonthDay.of(4, 1), "chaque 1er avril"),
            "CSS L821-3-1", Map.of(ParameterNames.AAH_MONTHLY, "AAH mensuelle")),
    /** The threshold, ages and residence of the rulebook: changed only by a new rulebook. */
    RULES("Conditions du règlement municipal", Revaluation.ON_DECISION, "RM II.1.1, II/A art. 2, I/A art. 2, I/B art. 3", Map.of(
            ParameterNames.PAYMENT_THRESHOLD, "Seuil de versement",
            ParameterNames.AGE_ELDERLY, "Âge minimal (personne âgée)",
            ParameterNames.AGE_UNFIT_FOR_WORK, "Âge minimal en cas d'inaptitude au travail",
            ParameterNames.RESIDENCE_MINIMUM_YEARS, "Années de résidence à Paris (sur les 5 dernières)",
            ParameterNames.RECEPTION_MONTHS, "Mois pendant lesquels une date de réception écrite fait foi"));

    private final String french;
    private final Revaluation revaluation;
    private final String basis;
    private final Map<String, String> figures;

    FigureFamily(String french, Revaluation revaluation, String basis, Map<String, String> figures) {
        this.french = french;
        this.revaluation = revaluation;
        this.basis = basis;
        this.figures = figures;
    }

    public String french() {
        return french;
    }

    public Revaluation revaluation() {
        return revaluation;
    }

    /** The text that says when the family is revalued. */
    public String basis() {
        return basis;
    }

    public List<String> names() {
        return figures.keySet().stream().sorted().toList();
    }

    /** The family of a figure's name. */
    public static FigureFamily of(String name) {
        return Arrays.stream(values()).filter(family -> family.figures.containsKey(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No family for " + name));
    }

    /**
     * The figures stale on {@code date} among these rows: the value in force is the latest of its name and the next due
     * date of its family after it has come ({@link DatedFigures#staleOn}).
     */
    public static List<DatedFigures.Stale> staleOn(LocalDate date, Collection<DatedParameter> rows) {
        List<DatedFigure> figures = rows.stream().map(row -> new DatedFigure(row.name(), row.effectiveFrom(), row.value(), row.source()))
                .toList();
        return new DatedFigures(figures, Arrays.stream(values()).map(FigureFamily::shared).toList()).staleOn(date);
    }

    /** This family as the platform's dated figures know it. */
    public fr.paris.casvp.guichet.contracts.figures.FigureFamily shared() {
        return new fr.paris.casvp.guichet.contracts.figures.FigureFamily(french, revaluation, basis, figures);
    }

    /** The French name of a figure. */
    public static String label(String name) {
        return of(name).figures.get(name);
    }
}
