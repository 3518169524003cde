package fr.paris.casvp.guichet.transport.domain;

import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.NationalBenefitType;
import fr.paris.casvp.guichet.contracts.beneficiary.Residence;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The Navigo right for seniors and disabled people (RM II.3.1 / III.3.1), without a database: the tariffs in force on
 * the decision date come in as {@link Tariffs}. Elderly (65, or 60 and unfit for work) or disabled; 3 of the last 5
 * years in Paris; no fixed address excluded; income tax at most the ceiling (2 028 €, 2 430 € for a renewal within 3
 * months of expiry), except for war veterans and widow(er)s aged 65 or more. Valid one year from the 1st of the month
 * after the decision.
 */
public final class Navigo {

    public static final String NOT_ELDERLY_OR_DISABLED = "NOT_ELDERLY_OR_DISABLED";
    public static final String RESIDENCE_TOO_SHORT = "RESIDENCE_TOO_SHORT";
    public static final String INCOME_TAX_ABOVE_CEILING = "INCOME_TAX_ABOVE_CEILING";
    public static final String NO_FIXED_ADDRESS = "NO_FIXED_ADDRESS";

    /** National benefits that qualify for the reduced participation (the Paris ones are declared by the agent). */
    public static final Set<NationalBenefitType> QUALIFYING = Set.of(NationalBenefitType.ASPA, NationalBenefitType.ASI,
            NationalBenefitType.AAH, NationalBenefitType.WIDOWHOOD_ALLOWANCE);

    public static final String ZONES_1_2 = "1-2";
    public static final String ZONES_1_5 = "1-5";

    private Navigo() {
    }

    public enum Category { ELDERLY, DISABLED }

    /** Which row of the participation table applies. */
    public enum Situation { WAR_VETERAN, QUALIFYING_BENEFIT, INCOME_TAX }

    /**
     * @param date                      the decision date
     * @param renewal                   renewing a pass that expires or expired within 3 months
     * @param receivesQualifyingBenefit PSOL, Complément Santé Paris, ASPA, ASI, AAH or allocation veuvage
     * @param warVeteran                war veteran or war widow(er)
     */
    public record Request(LocalDate date, LocalDate birthDate, boolean disabled, boolean unfitForWork,
                          int parisResidenceYearsInLastFive, boolean noFixedAddress, BigDecimal incomeTax, boolean renewal,
                          boolean receivesQualifyingBenefit, boolean warVeteran, String zones) {
    }

    public record Result(boolean eligible, String product, String zones, BigDecimal annualParticipation, LocalDate validFrom,
                         LocalDate validUntil, List<String> reasons) {
    }

    /**
     * A row of the participation table: for a situation (and, for {@link Situation#INCOME_TAX}, income tax up to
     * {@code maxIncomeTax}, null for the last band, which runs up to the ceiling), the annual participation by zones.
     */
    public record Band(Situation situation, BigDecimal maxIncomeTax, BigDecimal zones12, BigDecimal zones15) {
    }

    /** The tariffs in force on the decision date (tables {@code transport_parameter}, {@code _participation}, {@code _product}). */
    public interface Tariffs {

        BigDecimal value(String name);

        /** The product's name for this category on the date. */
        String product(Category category);

        /** The participation table in force. */
        List<Band> participation();
    }

    /** The participation of the row that applies: for income tax, the first band whose upper bound is at least the tax. */
    static BigDecimal participation(List<Band> table, Situation situation, BigDecimal incomeTax, String zones) {
        Band band = table.stream()
                .filter(b -> b.situation() == situation)
                .filter(b -> situation != Situation.INCOME_TAX || b.maxIncomeTax() == null || incomeTax.compareTo(b.maxIncomeTax()) <= 0)
                .min(java.util.Comparator.comparing(Band::maxIncomeTax, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .orElseThrow(() -> new IllegalStateException("No participation for " + situation + " in the table in force"));
        return ZONES_1_5.equals(zones) ? band.zones15() : band.zones12();
    }

    /**
     * The facts of the registry's file on the decision date, as the rule reads them. Refused when the registry records
     * no income tax: the latest notice is needed, even when nothing is due.
     *
     * @param receivesParisBenefit the agent saw the proof of Paris Solidarité or Complément Santé Paris (another
     *                             service's data, or another institution's: declared, not looked up)
     */
    public static Request requestFor(BeneficiarySituation s, LocalDate date, boolean receivesParisBenefit, boolean renewal,
                                     String zones) {
        BigDecimal tax = s.incomeTax().stream().max(Comparator.comparingInt(BeneficiarySituation.IncomeTax::taxYear))
                .map(BeneficiarySituation.IncomeTax::amount)
                .orElseThrow(() -> new Refusal(Refusal.Kind.UNPROCESSABLE, ProblemTypes.REQUEST_REFUSED, "Income tax unknown",
                        "The registry records no income tax (impôt soumis au barème) for this person: record the latest "
                                + "tax notice, even when nothing is due, before deciding.").with("field", "incomeTax"));
        boolean disabled = !s.disabilityEvidence().isEmpty()
                || s.nationalBenefits().stream().anyMatch(b -> b.type() == NationalBenefitType.AAH);
        boolean unfit = s.unfitForWorkSince() != null && !s.unfitForWorkSince().isAfter(date);
        boolean qualifying = receivesParisBenefit || s.nationalBenefits().stream().anyMatch(b -> QUALIFYING.contains(b.type()));
        return new Request(date, s.identity().birthDate(), disabled, unfit, Residence.yearsInLastFive(s.parisResidence(), date),
                s.noFixedAddress() != null, tax, renewal, qualifying, s.warVeteran(), zones);
    }

    public static Result decide(Request r, Tariffs tariffs) {
        int age = Period.between(r.birthDate(), r.date()).getYears();
        boolean elderly = age >= tariffs.value(TariffNames.AGE_ELDERLY).intValueExact()
                || r.unfitForWork() && age >= tariffs.value(TariffNames.AGE_UNFIT_FOR_WORK).intValueExact();
        boolean veteran = r.warVeteran() && age >= tariffs.value(TariffNames.VETERAN_AGE).intValueExact();
        List<String> reasons = new ArrayList<>();
        if (!elderly && !r.disabled()) {
            reasons.add(NOT_ELDERLY_OR_DISABLED);
        }
        if (r.parisResidenceYearsInLastFive() < tariffs.value(TariffNames.RESIDENCE_MINIMUM_YEARS).intValueExact()) {
            reasons.add(RESIDENCE_TOO_SHORT);
        }
        BigDecimal ceiling = tariffs.value(r.renewal() ? TariffNames.CEILING_RENEWAL : TariffNames.CEILING_FIRST_REQUEST);
        if (!veteran && r.incomeTax().compareTo(ceiling) > 0) {
            reasons.add(INCOME_TAX_ABOVE_CEILING);
        }
        if (r.noFixedAddress()) {
            reasons.add(NO_FIXED_ADDRESS);
        }
        if (!reasons.isEmpty()) {
            return new Result(false, null, r.zones(), null, null, null, List.copyOf(reasons));
        }
        Situation situation = veteran ? Situation.WAR_VETERAN
                : r.receivesQualifyingBenefit() ? Situation.QUALIFYING_BENEFIT : Situation.INCOME_TAX;
        LocalDate validFrom = r.date().withDayOfMonth(1).plusMonths(1);
        return new Result(true, tariffs.product(elderly ? Category.ELDERLY : Category.DISABLED), r.zones(),
                participation(tariffs.participation(), situation, r.incomeTax(), r.zones()).setScale(2, RoundingMode.UNNECESSARY), validFrom,
                validFrom.plusYears(1).minusDays(1), List.of());
    }
}
