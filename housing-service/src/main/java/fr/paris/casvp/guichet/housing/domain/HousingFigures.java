package fr.paris.casvp.guichet.housing.domain;

import fr.paris.casvp.guichet.contracts.figures.DatedFigure;
import fr.paris.casvp.guichet.contracts.figures.DatedFigures;
import fr.paris.casvp.guichet.contracts.figures.FigureFamily;
import fr.paris.casvp.guichet.contracts.figures.Revaluation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Paris Logement's figures in force on one day, read from its dated figures ({@code housing/figures.csv}, each row
 * with its source). The families say who sets each figure and when a new value is due: a figure whose revaluation was
 * due and not recorded is stale ({@link DatedFigures#staleOn}), and every amount computed with it is said to be so.
 */
public record HousingFigures(LocalDate date, DatedFigures table) {

    /** The file of the dated figures shipped with the service. */
    public static final String RESOURCE = "housing/figures.csv";

    /** Paris Logement's figure families: the Conseil de Paris's, the SMIC, the ASPA, the CNAF's flat-rate charges. */
    public static final List<FigureFamily> CATALOGUE = List.of(
            new FigureFamily("Montants et plafonds de Paris Logement", Revaluation.ON_DECISION,
                    "Règlement municipal, annexes II 2.1, III 2.1, IV 2.1 à 2.3", Map.ofEntries(
                            Map.entry("amount.single", "Paris Logement, personne seule"),
                            Map.entry("amount.couple", "Paris Logement, couple sans enfant"),
                            Map.entry("amount.couple-child", "Paris Logement, couple avec un enfant"),
                            Map.entry("ceiling.couple-child", "Plafond de ressources, couple avec un enfant"),
                            Map.entry("families.two-children", "Paris Logement Familles, deux enfants"),
                            Map.entry("families.two-children.ceiling", "Plafond Paris Logement Familles, deux enfants"),
                            Map.entry("families.large", "Paris Logement Familles, trois enfants ou un enfant handicapé"),
                            Map.entry("families.large.per-child", "Paris Logement Familles, par enfant au-delà de trois"),
                            Map.entry("families.large.ceiling", "Plafond Paris Logement Familles, trois enfants"),
                            Map.entry("families.upper", "Paris Logement Familles, trois enfants, revenus intermédiaires"),
                            Map.entry("families.upper.per-child", "Paris Logement Familles, revenus intermédiaires, par enfant au-delà de trois"),
                            Map.entry("families.upper.ceiling", "Plafond Paris Logement Familles, revenus intermédiaires ou enfant handicapé"),
                            Map.entry("single-parent.low", "Paris Logement Familles Monoparentales, revenus jusqu'au SMIC"),
                            Map.entry("single-parent.high", "Paris Logement Familles Monoparentales, revenus au-delà du SMIC"),
                            Map.entry("single-parent.ceiling", "Plafond Paris Logement Familles Monoparentales"),
                            Map.entry("effort.minimum", "Taux d'effort minimal"),
                            Map.entry("reception.months", "Délai de réception d'une demande (mois)"))),
            new FigureFamily("SMIC mensuel net (35 heures)", Revaluation.yearlyOn(MonthDay.of(1, 1), "chaque 1er janvier"),
                    "Code du travail L3231-5 et suivants", Map.of("smic.net.monthly", "SMIC mensuel net, 35 heures hebdomadaires")),
            new FigureFamily("Allocation de solidarité aux personnes âgées (ASPA)", Revaluation.yearlyOn(MonthDay.of(1, 1),
                    "chaque 1er janvier"), "CSS L816-2", Map.of("aspa.annual.single", "ASPA annuelle, personne seule",
                    "aspa.annual.couple", "ASPA annuelle, couple")),
            new FigureFamily("Charges forfaitaires de l'allocation logement (CNAF)", Revaluation.yearlyOn(MonthDay.of(10, 1),
                    "chaque 1er octobre"), "CCH D823-16, 3°", Map.of("charges.single", "Charges forfaitaires, personne seule ou couple",
                    "charges.shared", "Charges forfaitaires, colocataire", "charges.per-child", "Charges forfaitaires, par enfant")));

    private static final BigDecimal TEN = BigDecimal.TEN;
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    /** The figures of these rows in force on {@code date}. */
    public static HousingFigures on(LocalDate date, Collection<DatedFigure> rows) {
        return new HousingFigures(date, new DatedFigures(rows, CATALOGUE));
    }

    /** The figures shipped with the service, in force on {@code date}. */
    public static HousingFigures shippedOn(LocalDate date) {
        return on(date, DatedFigures.read(RESOURCE));
    }

    public BigDecimal value(String name) {
        return table.value(name, date);
    }

    /** The net monthly SMIC for 35 hours, rounded up to the ten: 1 443,11 € → 1 450 €; 1 440 € stays 1 440 €. */
    public BigDecimal smicCeiling() {
        return value("smic.net.monthly").divide(TEN, 0, RoundingMode.CEILING).multiply(TEN);
    }

    /** The monthly ASPA of a person alone or of a couple: the annual amount divided by twelve, to the cent. */
    public BigDecimal aspaMonthly(boolean couple) {
        return value(couple ? "aspa.annual.couple" : "aspa.annual.single").divide(TWELVE, 2, RoundingMode.HALF_UP);
    }

    /** The flat-rate monthly charges of the household: a colocataire's, or a person's or couple's and each child's. */
    public BigDecimal flatCharges(boolean shared, int children) {
        BigDecimal base = value(shared ? "charges.shared" : "charges.single");
        return base.add(value("charges.per-child").multiply(BigDecimal.valueOf(children)));
    }

    /** The figures stale on this day, each with the warning an agent reads. */
    public List<DatedFigures.Stale> stale() {
        return table.staleOn(date);
    }
}
