package fr.paris.casvp.guichet.solidarity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.paris.casvp.guichet.solidarity.domain.Allowance.Category;
import fr.paris.casvp.guichet.solidarity.domain.Allowance.Household;
import fr.paris.casvp.guichet.solidarity.domain.Allowance.Person;
import fr.paris.casvp.guichet.solidarity.domain.Allowance.Result;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The worked figures of docs/rules.md ("Paris Solidarité"), with the tables of docs/rules.md as parameters. */
class AllowanceTest {

    private static final Person ELDERLY = new Person(LocalDate.of(1940, 1, 1), false, false);
    private static final Person DISABLED = new Person(LocalDate.of(1975, 1, 1), true, false);
    private static final Person YOUNG = new Person(LocalDate.of(1975, 1, 1), false, false);

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "2017-04, elderly single, 101.80",
            "2018-04, elderly single, 111.80",
            "2018-04, disabled single, 96.00",
            "2018-04, elderly couple, 204.45",
            "2019-02, elderly single, 111.80",
            "2019-02, elderly couple, 205.12",
            "2019-02, disabled single, 105.00"})
    void theWorkedFiguresWithoutResources(String month, String household, String amount) {
        Person person = household.startsWith("elderly") ? ELDERLY : DISABLED;
        Person spouse = household.endsWith("couple") ? YOUNG : null;

        Result result = compute(month, person, spouse, 5, "0");

        assertThat(result.eligible()).isTrue();
        assertThat(result.monthlyAmount()).isEqualByComparingTo(amount);
        assertThat(result.reasons()).isEmpty();
    }

    @Test
    void april2018ElderlySingleGivesTheFiguresOfTheContract() {
        Result result = compute("2018-04", new Person(LocalDate.of(1950, 6, 1), false, false), null, 5, "0");

        assertThat(result.category()).isEqualTo(Category.ELDERLY);
        assertThat(result.ceiling()).isEqualByComparingTo("945.00");
        assertThat(result.resourceFloor()).isEqualByComparingTo("833.20");
        assertThat(result.countedResources()).isEqualByComparingTo("833.20");
        assertThat(result.monthlyAmount()).isEqualByComparingTo("111.80").hasScaleOf(2);
    }

    @Test
    void a2020CoupleOneAged75WithPensionsOf1052And450Gets106() {
        Result result = compute("2020-03", new Person(LocalDate.of(1945, 1, 10), false, false),
                new Person(LocalDate.of(1958, 4, 2), false, false), 5, "1502.00");

        assertThat(result.ceiling()).isEqualByComparingTo("1608");
        assertThat(result.countedResources()).isEqualByComparingTo("1502.00");
        assertThat(result.monthlyAmount()).isEqualByComparingTo("106.00");
    }

    @Test
    void resourcesAboveTheFloorAreCountedAndAtOrAboveTheCeilingNothingIsDue() {
        assertThat(compute("2018-04", ELDERLY, null, 5, "900.00").monthlyAmount()).isEqualByComparingTo("45.00");
        Result atCeiling = compute("2018-04", ELDERLY, null, 5, "945.00");
        assertThat(atCeiling.eligible()).isFalse();
        assertThat(atCeiling.monthlyAmount()).isZero();
        assertThat(atCeiling.reasons()).containsExactly(Allowance.RESOURCES_ABOVE_CEILING);
    }

    @Test
    void anAmountOf2EurosOrLessIsNotPaidAndOneCentMoreIs() {
        Result two = compute("2018-04", ELDERLY, null, 5, "943.00");
        Result twoAndOneCent = compute("2018-04", ELDERLY, null, 5, "942.99");

        assertThat(two.eligible()).isTrue();
        assertThat(two.monthlyAmount()).isZero();
        assertThat(two.reasons()).containsExactly(Allowance.BELOW_PAYMENT_THRESHOLD);
        assertThat(twoAndOneCent.monthlyAmount()).isEqualByComparingTo("2.01");
        assertThat(twoAndOneCent.reasons()).isEmpty();
    }

    @Test
    void from60To64OnlyWhenUnfitForWorkAndAgesAreTakenOnTheFirstDayOfTheMonth() {
        Person sixtyTwo = new Person(LocalDate.of(1956, 1, 1), false, false);
        Person sixtyTwoUnfit = new Person(LocalDate.of(1956, 1, 1), false, true);
        Person fiftyNineUnfit = new Person(LocalDate.of(1958, 4, 2), false, true);
        Person sixtyFiveOnTheSecond = new Person(LocalDate.of(1953, 4, 2), false, false);
        Person sixtyFiveOnTheFirst = new Person(LocalDate.of(1953, 4, 1), false, false);

        assertThat(compute("2018-04", sixtyTwo, null, 5, "0").reasons()).containsExactly(Allowance.NOT_ELDERLY_OR_DISABLED);
        assertThat(compute("2018-04", sixtyTwoUnfit, null, 5, "0").category()).isEqualTo(Category.ELDERLY);
        assertThat(compute("2018-04", fiftyNineUnfit, null, 5, "0").eligible()).isFalse();
        assertThat(compute("2018-04", sixtyFiveOnTheSecond, null, 5, "0").eligible()).as("64 on 1 April").isFalse();
        assertThat(compute("2018-04", sixtyFiveOnTheFirst, null, 5, "0").eligible()).as("65 on 1 April").isTrue();
    }

    @Test
    void threeOfTheLastFiveYearsInParisAreRequired() {
        Result twoYears = compute("2018-04", ELDERLY, null, 2, "0");

        assertThat(twoYears.eligible()).isFalse();
        assertThat(twoYears.monthlyAmount()).isZero();
        assertThat(twoYears.reasons()).containsExactly(Allowance.RESIDENCE_TOO_SHORT);
        assertThat(compute("2018-04", ELDERLY, null, 3, "0").eligible()).isTrue();
    }

    @Test
    void someoneBothElderlyAndDisabledGetsTheMoreFavourableComputation() {
        Person both = new Person(LocalDate.of(1940, 1, 1), true, false);

        Result april2018 = compute("2018-04", both, null, 5, "0");
        Result june2024 = compute("2024-06", both, null, 5, "0");

        assertThat(april2018.category()).as("945 − 833.20 beats 915 − 819").isEqualTo(Category.ELDERLY);
        assertThat(april2018.monthlyAmount()).isEqualByComparingTo("111.80");
        assertThat(compute("2018-04", both, null, 5, "850.00").monthlyAmount()).isEqualByComparingTo("95.00");
        assertThat(june2024.category()).isIn(Category.ELDERLY, Category.DISABLED);
    }

    @Test
    void aCoupleQualifiesWhenOneMemberDoesAndPoolsItsResources() {
        Result result = compute("2018-04", YOUNG, DISABLED, 5, "1000.00");

        assertThat(result.category()).isEqualTo(Category.DISABLED);
        assertThat(result.ceiling()).isEqualByComparingTo("1498");
        assertThat(result.resourceFloor()).as("a disabled couple: the ASPA couple floor").isEqualByComparingTo("1293.55");
        assertThat(result.monthlyAmount()).isEqualByComparingTo("204.45");
        assertThat(compute("2018-04", YOUNG, YOUNG, 5, "0").reasons()).containsExactly(Allowance.NOT_ELDERLY_OR_DISABLED);
    }

    private static Result compute(String month, Person applicant, Person spouse, int years, String resources) {
        YearMonth m = YearMonth.parse(month);
        return Allowance.compute(new Household(m, applicant, spouse, years, new BigDecimal(resources)), RulesTables.on(m.atDay(1)));
    }

    /**
     * Monthly = annual ÷ 12 rounded to the cent, half up: the ASPA of 2023 (11 533.02 € a year) and of 2026 (12 523.14 €)
     * both fall on exactly half a cent (961.085 and 1 043.595), and the cent above is the floor.
     */
    @ParameterizedTest(name = "{0}: floor {1}, amount {2}, couple floor {3}")
    @CsvSource({"2023-06, 961.09, 115.91, 1492.09", "2026-06, 1043.60, 85.40, 1620.18"})
    void aMonthlyFloorThatFallsOnHalfACentIsRoundedUp(String month, String floor, String amount, String coupleFloor) {
        Result result = compute(month, ELDERLY, null, 5, "0");

        assertThat(result.resourceFloor()).isEqualByComparingTo(floor).hasScaleOf(2);
        assertThat(result.monthlyAmount()).isEqualByComparingTo(amount);
        assertThat(RulesTables.on(LocalDate.parse(month + "-01")).monthlyFromAnnual(ParameterNames.ASPA_ANNUAL_COUPLE))
                .as("1 492.088 and 1 620.184 a month") .isEqualByComparingTo(coupleFloor);
    }

    /** The tables of docs/rules.md, as dated parameters (a few of the later floors: the full tables are SolidarityIT's). */
    static final class RulesTables {

        private static final Map<String, NavigableMap<LocalDate, BigDecimal>> TABLES = new HashMap<>();

        static {
            ceilings("2012-01-01", 900, 1430, 900, 1430);
            ceilings("2017-04-01", 905, 1438, 905, 1438);
            ceilings("2018-01-01", 915, 1453, 915, 1453);
            ceilings("2018-04-01", 945, 1498, 915, 1498);
            ceilings("2019-01-01", 980, 1553, 965, 1553);
            ceilings("2020-01-01", 1015, 1608, 1015, 1608);
            ceilings("2022-09-01", 1077, 1683, 1064, 1683);
            ceilings("2024-02-01", 1129, 1786, 1099, 1786);
            ceilings("2024-06-01", 1129, 1786, 1144, 1786);
            aspa("2016-04-01", "9609.60", "14918.90");
            aspa("2017-04-01", "9638.42", "14963.65");
            aspa("2018-04-01", "9998.40", "15522.54");
            aspa("2019-01-01", "10418.40", "16174.59");
            aspa("2020-01-01", "10838.40", "16826.64");
            aspa("2021-01-01", "10881.75", "16893.94");
            aspa("2023-01-01", "11533.02", "17905.06");
            aspa("2026-01-01", "12523.14", "19442.21");
            put(ParameterNames.AAH_MONTHLY, "2017-04-01", "810.89");
            put(ParameterNames.AAH_MONTHLY, "2018-04-01", "819.00");
            put(ParameterNames.AAH_MONTHLY, "2018-11-01", "860.00");
            put(ParameterNames.AAH_MONTHLY, "2019-11-01", "900.00");
            put(ParameterNames.PAYMENT_THRESHOLD, "2012-01-01", "2");
            put(ParameterNames.AGE_ELDERLY, "2012-01-01", "65");
            put(ParameterNames.AGE_UNFIT_FOR_WORK, "2012-01-01", "60");
            put(ParameterNames.RESIDENCE_MINIMUM_YEARS, "2012-01-01", "3");
        }

        static Allowance.Parameters on(LocalDate date) {
            return name -> TABLES.get(name).floorEntry(date).getValue();
        }

        private static void ceilings(String from, int elderlySingle, int elderlyCouple, int disabledSingle, int disabledCouple) {
            put(ParameterNames.CEILING_ELDERLY_SINGLE, from, String.valueOf(elderlySingle));
            put(ParameterNames.CEILING_ELDERLY_COUPLE, from, String.valueOf(elderlyCouple));
            put(ParameterNames.CEILING_DISABLED_SINGLE, from, String.valueOf(disabledSingle));
            put(ParameterNames.CEILING_DISABLED_COUPLE, from, String.valueOf(disabledCouple));
        }

        private static void aspa(String from, String single, String couple) {
            put(ParameterNames.ASPA_ANNUAL_SINGLE, from, single);
            put(ParameterNames.ASPA_ANNUAL_COUPLE, from, couple);
        }

        private static void put(String name, String from, String value) {
            TABLES.computeIfAbsent(name, n -> new TreeMap<>()).put(LocalDate.parse(from), new BigDecimal(value));
        }
    }
}
