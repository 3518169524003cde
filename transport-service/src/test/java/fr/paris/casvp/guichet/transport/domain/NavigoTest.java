package fr.paris.casvp.guichet.transport.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.paris.casvp.guichet.transport.domain.Navigo.Category;
import fr.paris.casvp.guichet.transport.domain.Navigo.Result;
import fr.paris.casvp.guichet.transport.domain.Navigo.Situation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Navigo table of docs/rules.md ("Navigo for seniors and disabled people"), every band edge. */
class NavigoTest {

    private static final LocalDate NOV_2017 = LocalDate.of(2017, 11, 15);
    private static final LocalDate SENIOR = LocalDate.of(1950, 6, 1);

    @ParameterizedTest(name = "tax {0}, renewal {1}, zones {2}: {3}")
    @CsvSource({
            "0,    false, 1-2, 30.00",
            "0,    false, 1-5, 160.00",
            "0.01, false, 1-2, 90.00",
            "380,  false, 1-2, 90.00",
            "380,  false, 1-5, 160.00",
            "381,  false, 1-2, 180.00",
            "381,  false, 1-5, 240.00",
            "992,  false, 1-2, 180.00",
            "992,  false, 1-5, 240.00",
            "993,  false, 1-2, 360.00",
            "1600, false, 1-2, 360.00",
            "1600, false, 1-5, 410.00",
            "1601, false, 1-2, 380.00",
            "2028, false, 1-2, 380.00",
            "2028, false, 1-5, 410.00",
            "2029, true,  1-2, 380.00",
            "2430, true,  1-2, 380.00",
            "2430, true,  1-5, 410.00"})
    void theParticipationOfEachBandOfThe2017Table(String tax, boolean renewal, String zones, String participation) {
        Result result = decide(NOV_2017, SENIOR, false, tax, renewal, false, false, zones);

        assertThat(result.eligible()).isTrue();
        assertThat(result.annualParticipation()).isEqualByComparingTo(participation);
        assertThat(result.zones()).isEqualTo(zones);
    }

    @Test
    void aboveTheCeilingIsRefused2029OnAFirstRequestAnd2431OnARenewal() {
        assertThat(decide(NOV_2017, SENIOR, false, "2029", false, false, false, "1-2").reasons())
                .containsExactly(Navigo.INCOME_TAX_ABOVE_CEILING);
        assertThat(decide(NOV_2017, SENIOR, false, "2431", true, false, false, "1-2").reasons())
                .containsExactly(Navigo.INCOME_TAX_ABOVE_CEILING);
    }

    @Test
    void theContractsExampleIsValidFromTheFirstOfNextMonthForOneYear() {
        Result result = decide(NOV_2017, SENIOR, false, "500", false, false, false, "1-2");

        assertThat(result.product()).isEqualTo("NAVIGO_EMERAUDE_AMETHYSTE");
        assertThat(result.annualParticipation()).isEqualByComparingTo("180.00");
        assertThat(result.validFrom()).isEqualTo(LocalDate.of(2017, 12, 1));
        assertThat(result.validUntil()).isEqualTo(LocalDate.of(2018, 11, 30));
    }

    @Test
    void aQualifyingBenefitMakesZones12FreeAndZones15Cost160() {
        assertThat(decide(NOV_2017, SENIOR, false, "0", false, true, false, "1-2").annualParticipation()).isZero();
        assertThat(decide(NOV_2017, SENIOR, false, "0", false, true, false, "1-5").annualParticipation()).isEqualByComparingTo("160");
    }

    @Test
    void aWarVeteranAged65HasNoCeilingAndZones15Free() {
        Result veteran = decide(NOV_2017, SENIOR, false, "5000", false, false, true, "1-5");

        assertThat(veteran.eligible()).isTrue();
        assertThat(veteran.annualParticipation()).isZero();
        Result young = decide(NOV_2017, LocalDate.of(1955, 1, 1), true, "5000", false, false, true, "1-5");
        assertThat(young.reasons()).as("a disabled veteran aged 62: the ceiling applies").containsExactly(Navigo.INCOME_TAX_ABOVE_CEILING);
    }

    @Test
    void freeFromJune2018AndTheNewNamesFromSeptember2019() {
        assertThat(decide(LocalDate.of(2018, 5, 31), SENIOR, false, "1000", false, false, false, "1-5").annualParticipation())
                .isEqualByComparingTo("410");
        Result june = decide(LocalDate.of(2018, 6, 1), SENIOR, false, "1000", false, false, false, "1-5");
        assertThat(june.annualParticipation()).isZero();
        assertThat(june.product()).isEqualTo("NAVIGO_EMERAUDE_AMETHYSTE");
        assertThat(decide(LocalDate.of(2018, 6, 1), SENIOR, false, "2029", false, false, false, "1-2").eligible())
                .as("ceilings unchanged").isFalse();
        assertThat(decide(LocalDate.of(2019, 8, 31), SENIOR, false, "0", false, false, false, "1-2").product())
                .isEqualTo("NAVIGO_EMERAUDE_AMETHYSTE");
        assertThat(decide(LocalDate.of(2019, 9, 1), SENIOR, false, "0", false, false, false, "1-2").product())
                .isEqualTo("PASS_PARIS_SENIORS");
        assertThat(decide(LocalDate.of(2019, 9, 1), LocalDate.of(1980, 1, 1), true, "0", false, false, false, "1-2").product())
                .isEqualTo("PASS_PARIS_ACCESS");
    }

    @Test
    void sixtyFiveOrSixtyWhenUnfitForWorkOrDisabled() {
        LocalDate date = LocalDate.of(2020, 3, 10);
        assertThat(decide(date, LocalDate.of(1955, 3, 10), false, "0", false, false, false, "1-2").eligible()).as("65 today").isTrue();
        assertThat(decide(date, LocalDate.of(1955, 3, 11), false, "0", false, false, false, "1-2").reasons())
                .as("65 tomorrow").containsExactly(Navigo.NOT_ELDERLY_OR_DISABLED);
        assertThat(Navigo.decide(request(date, LocalDate.of(1959, 1, 1), false, true, 5, "0", false), TestTariffs.INSTANCE.on(date)).eligible())
                .as("61 and unfit for work").isTrue();
        assertThat(decide(date, LocalDate.of(1990, 1, 1), true, "0", false, false, false, "1-2").eligible()).as("disabled at 30").isTrue();
    }

    @Test
    void threeOfTheLastFiveYearsInParisAndAFixedAddressAreRequired() {
        LocalDate date = LocalDate.of(2020, 3, 10);
        assertThat(Navigo.decide(request(date, SENIOR, false, false, 2, "0", false), TestTariffs.INSTANCE.on(date)).reasons())
                .containsExactly(Navigo.RESIDENCE_TOO_SHORT);
        assertThat(Navigo.decide(request(date, SENIOR, false, false, 3, "0", false), TestTariffs.INSTANCE.on(date)).eligible()).isTrue();
        assertThat(Navigo.decide(request(date, SENIOR, false, false, 5, "0", true), TestTariffs.INSTANCE.on(date)).reasons())
                .containsExactly(Navigo.NO_FIXED_ADDRESS);
    }

    private static Result decide(LocalDate date, LocalDate birthDate, boolean disabled, String tax, boolean renewal,
                                 boolean qualifying, boolean veteran, String zones) {
        return Navigo.decide(new Navigo.Request(date, birthDate, disabled, false, 5, false, new BigDecimal(tax), renewal,
                qualifying, veteran, zones), TestTariffs.INSTANCE.on(date));
    }

    private static Navigo.Request request(LocalDate date, LocalDate birthDate, boolean disabled, boolean unfit, int years,
                                          String tax, boolean noFixedAddress) {
        return new Navigo.Request(date, birthDate, disabled, unfit, years, noFixedAddress, new BigDecimal(tax), false, false, false, "1-2");
    }

    /** the tables of docs/rules.md, as the tariffs in force on a date. */
    enum TestTariffs {
        INSTANCE;

        private static final Map<String, BigDecimal> VALUES = Map.of(TariffNames.CEILING_FIRST_REQUEST, new BigDecimal("2028"),
                TariffNames.CEILING_RENEWAL, new BigDecimal("2430"), TariffNames.AGE_ELDERLY, BigDecimal.valueOf(65),
                TariffNames.AGE_UNFIT_FOR_WORK, BigDecimal.valueOf(60), TariffNames.VETERAN_AGE, BigDecimal.valueOf(65),
                TariffNames.RESIDENCE_MINIMUM_YEARS, BigDecimal.valueOf(3));

        /** "Until 31 May 2018 — paid": the participation table of docs/rules.md. */
        private static final List<Navigo.Band> PAID = List.of(
                band(Situation.QUALIFYING_BENEFIT, null, "0", "160"),
                band(Situation.WAR_VETERAN, null, "0", "0"),
                band(Situation.INCOME_TAX, "0", "30", "160"),
                band(Situation.INCOME_TAX, "380", "90", "160"),
                band(Situation.INCOME_TAX, "992", "180", "240"),
                band(Situation.INCOME_TAX, "1600", "360", "410"),
                band(Situation.INCOME_TAX, null, "380", "410"));
        /** "From 1 June 2018: issued free of charge, all zones." */
        private static final List<Navigo.Band> FREE = List.of(
                band(Situation.QUALIFYING_BENEFIT, null, "0", "0"),
                band(Situation.WAR_VETERAN, null, "0", "0"),
                band(Situation.INCOME_TAX, null, "0", "0"));

        Navigo.Tariffs on(LocalDate date) {
            return new Navigo.Tariffs() {
                @Override
                public BigDecimal value(String name) {
                    return VALUES.get(name);
                }

                @Override
                public String product(Category category) {
                    if (date.isBefore(LocalDate.of(2019, 9, 1))) {
                        return "NAVIGO_EMERAUDE_AMETHYSTE";
                    }
                    return category == Category.ELDERLY ? "PASS_PARIS_SENIORS" : "PASS_PARIS_ACCESS";
                }

                @Override
                public List<Navigo.Band> participation() {
                    return date.isBefore(LocalDate.of(2018, 6, 1)) ? PAID : FREE;
                }
            };
        }

        private static Navigo.Band band(Situation situation, String max, String zones12, String zones15) {
            return new Navigo.Band(situation, max == null ? null : new BigDecimal(max), new BigDecimal(zones12), new BigDecimal(zones15));
        }
    }
}
