package fr.paris.casvp.guichet.solidarity.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Paris Solidarité's monthly differential allowance (RM II.1.1 for the elderly, III.1.1 for disabled people), without
 * a database: the parameters in force for the month come in as {@link Parameters}.
 *
 * <p>Amount = monthly ceiling − household resources, the resources being deemed at least a national floor (ASPA for
 * the elderly and for a disabled couple, AAH for a disabled single person); paid only above the payment threshold
 * (2 €). A household that is both elderly and disabled gets the more favourable computation.
 */
public final class Allowance {

    /** Stable reason codes: counters and partners depend on them. */
    public static final String NOT_ELDERLY_OR_DISABLED = "NOT_ELDERLY_OR_DISABLED";
    public static final String RESIDENCE_TOO_SHORT = "RESIDENCE_TOO_SHORT";
    public static final String RESOURCES_ABOVE_CEILING = "RESOURCES_ABOVE_CEILING";
    public static final String BELOW_PAYMENT_THRESHOLD = "BELOW_PAYMENT_THRESHOLD";

    private Allowance() {
    }

    public enum Category { ELDERLY, DISABLED }

    /** @param disabled disability proven (AAH, PCH, invalidity pension cat. 2/3, work-accident annuity ≥ 80 %...) */
    public record Person(LocalDate birthDate, boolean disabled, boolean unfitForWork) {
    }

    /**
     * @param month            the month computed; ages are taken on its first day
     * @param spouse           null for a single person; a couple (married, PACS, living together) pools its resources
     * @param monthlyResources the household's monthly resources counted by RM II.1.1 b/4
     */
    public record Household(YearMonth month, Person applicant, Person spouse, int parisResidenceYearsInLastFive,
                            BigDecimal monthlyResources) {
    }

    /** @param monthlyAmount what is paid: 0 when not eligible or not above the payment threshold */
    public record Result(boolean eligible, Category category, BigDecimal ceiling, BigDecimal resourceFloor,
                         BigDecimal countedResources, BigDecimal monthlyAmount, List<String> reasons) {
    }

    /** The parameters in force for the month (see {@code dated_figure}, platform/figures). */
    public interface Parameters {

        BigDecimal value(String name);

        default BigDecimal monthlyFromAnnual(String name) {
            return value(name).divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
        }
    }

    public static Result compute(Household household, Parameters parameters) {
        LocalDate firstDay = household.month().atDay(1);
        boolean couple = household.spouse() != null;
        List<Person> members = couple ? List.of(household.applicant(), household.spouse()) : List.of(household.applicant());
        int elderlyAge = parameters.value(ParameterNames.AGE_ELDERLY).intValueExact();
        int unfitAge = parameters.value(ParameterNames.AGE_UNFIT_FOR_WORK).intValueExact();
        boolean elderly = members.stream().anyMatch(p -> age(p, firstDay) >= elderlyAge || p.unfitForWork() && age(p, firstDay) >= unfitAge);
        boolean disabled = members.stream().anyMatch(Person::disabled);
        boolean resident = household.parisResidenceYearsInLastFive() >= parameters.value(ParameterNames.RESIDENCE_MINIMUM_YEARS).intValueExact();

        List<String> reasons = new ArrayList<>();
        if (!elderly && !disabled) {
            reasons.add(NOT_ELDERLY_OR_DISABLED);
            if (!resident) {
                reasons.add(RESIDENCE_TOO_SHORT);
            }
            return new Result(false, null, null, null, null, money(BigDecimal.ZERO), List.copyOf(reasons));
        }
        Computation best = Stream.of(elderly ? Category.ELDERLY : null, disabled ? Category.DISABLED : null)
                .filter(java.util.Objects::nonNull)
                .map(category -> computation(category, couple, household.monthlyResources(), parameters))
                .reduce((a, b) -> b.amount().compareTo(a.amount()) > 0 ? b : a)
                .orElseThrow();
        BigDecimal threshold = parameters.value(ParameterNames.PAYMENT_THRESHOLD);
        if (!resident) {
            reasons.add(RESIDENCE_TOO_SHORT);
        }
        if (best.amount().signum() == 0) {
            reasons.add(RESOURCES_ABOVE_CEILING);
        } else if (best.amount().compareTo(threshold) <= 0) {
            reasons.add(BELOW_PAYMENT_THRESHOLD);
        }
        boolean eligible = resident && best.amount().signum() > 0;
        BigDecimal paid = eligible && best.amount().compareTo(threshold) > 0 ? best.amount() : BigDecimal.ZERO;
        return new Result(eligible, best.category(), best.ceiling(), best.floor(), best.counted(), money(paid), List.copyOf(reasons));
    }

    private record Computation(Category category, BigDecimal ceiling, BigDecimal floor, BigDecimal counted, BigDecimal amount) {
    }

    private static Computation computation(Category category, boolean couple, BigDecimal resources, Parameters parameters) {
        String household = couple ? "couple" : "single";
        BigDecimal ceiling = money(parameters.value("ceiling." + category.name().toLowerCase(java.util.Locale.ROOT) + "." + household));
        BigDecimal floor;
        if (category == Category.ELDERLY || couple) {
            floor = parameters.monthlyFromAnnual(couple ? ParameterNames.ASPA_ANNUAL_COUPLE : ParameterNames.ASPA_ANNUAL_SINGLE);
        } else {
            floor = money(parameters.value(ParameterNames.AAH_MONTHLY));
        }
        BigDecimal counted = money(resources.max(floor));
        return new Computation(category, ceiling, floor, counted, money(ceiling.subtract(counted).max(BigDecimal.ZERO)));
    }

    static int age(Person person, LocalDate on) {
        return Period.between(person.birthDate(), on).getYears();
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
