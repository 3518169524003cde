package fr.paris.casvp.guichet.aid.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.ResidencePeriod;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures of docs/rules.md, "Allocation exceptionnelle" (RM V.2.1 b/1-b/2 and its annex). */
class CapRuleTest {

    private static final BigDecimal CAP_3_YEARS = new BigDecimal("3287");
    private static final BigDecimal CAP_UNDER_3_YEARS = new BigDecimal("2830");
    private static final BigDecimal CAP_DISASTER = new BigDecimal("4574");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final CapRule.Figures FIGURES = new CapRule.Figures(CAP_3_YEARS, CAP_UNDER_3_YEARS, CAP_UNDER_3_YEARS,
            CAP_DISASTER, 3);

    @Test
    void aHouseholdGranted2500WithinTheLast12MonthsMayReceive787MoreOr330WithLessThan3Years() {
        List<CapRule.PastDecision> grants = List.of(grant(LocalDate.of(2026, 3, 10), "1500"), grant(LocalDate.of(2026, 9, 1), "1000"));

        CapRule.Cap resident = CapRule.ordinary(CAP_3_YEARS, TODAY, grants);
        CapRule.Cap newcomer = CapRule.ordinary(CAP_UNDER_3_YEARS, TODAY, grants);

        assertThat(resident.used()).isEqualByComparingTo("2500");
        assertThat(resident.remaining()).isEqualByComparingTo("787");
        assertThat(newcomer.remaining()).isEqualByComparingTo("330");
        assertThat(resident.windowStart()).isEqualTo(LocalDate.of(2025, 11, 29));
        assertThat(resident.windowEnd()).isEqualTo(TODAY);
    }

    @Test
    void theWindowRollsAnAidGranted12MonthsAndOneDayAgoNoLongerCounts() {
        CapRule.Cap cap = CapRule.ordinary(CAP_3_YEARS, TODAY, List.of(
                grant(TODAY.minusMonths(12).minusDays(1), "2000"),
                grant(TODAY.minusMonths(12), "400"),
                grant(TODAY.minusMonths(12).plusDays(1), "300"),
                grant(TODAY, "100")));

        assertThat(cap.used()).as("the 12 months end today and start 12 months ago plus one day").isEqualByComparingTo("400");
        assertThat(cap.remaining()).isEqualByComparingTo("2887");
    }

    @Test
    void aGrantDecidedAfterTheDateDoesNotCountOnThatDate() {
        CapRule.Cap cap = CapRule.ordinary(CAP_3_YEARS, TODAY.minusDays(1), List.of(grant(TODAY, "1000")));

        assertThat(cap.used()).isZero();
    }

    @Test
    void aDisasterGrantDoesNotConsumeTheOrdinaryCapAndEachDisasterHasItsOwn() {
        List<CapRule.PastDecision> grants = List.of(grant(TODAY.minusMonths(1), "2500"),
                new CapRule.PastDecision(TODAY.minusMonths(2), Decision.Outcome.GRANTED, new BigDecimal("4000"), "INCENDIE-2026-17"),
                new CapRule.PastDecision(TODAY.minusYears(2), Decision.Outcome.GRANTED, new BigDecimal("4574"), "INONDATION-2024-03"));

        assertThat(CapRule.ordinary(CAP_3_YEARS, TODAY, grants).remaining()).isEqualByComparingTo("787");
        CapRule.Cap fire = CapRule.disaster(CAP_DISASTER, TODAY, "INCENDIE-2026-17", grants);
        assertThat(fire.used()).isEqualByComparingTo("4000");
        assertThat(fire.remaining()).isEqualByComparingTo("574");
        assertThat(CapRule.disaster(CAP_DISASTER, TODAY, "DEGAT-DES-EAUX-2026-02", grants).remaining()).isEqualByComparingTo("4574");
    }

    @Test
    void nothingRemainsRatherThanANegativeAmountWhenTheCapWasLowered() {
        CapRule.Cap cap = CapRule.ordinary(new BigDecimal("2000"), TODAY, List.of(grant(TODAY.minusDays(3), "2500")));

        assertThat(cap.remaining()).isZero();
    }

    @Test
    void theCapOfAPersonDependsOnTheirResidenceAndOnlyGrantsOfTheHouseholdCount() {
        BeneficiarySnapshot resident = Beneficiaries.resident(TODAY.minusYears(4));
        BeneficiarySnapshot newcomer = Beneficiaries.resident(TODAY.minusYears(1));
        BeneficiarySnapshot homeless = Beneficiaries.withoutFixedAddress();
        List<CapRule.PastDecision> decisions = List.of(grant(TODAY.minusMonths(1), "1000"),
                new CapRule.PastDecision(TODAY.minusMonths(2), Decision.Outcome.REFUSED, null, null));

        assertThat(CapRule.of(resident, null, TODAY, FIGURES, decisions).remaining()).isEqualByComparingTo("2287");
        assertThat(CapRule.of(newcomer, null, TODAY, FIGURES, decisions).remaining()).isEqualByComparingTo("1830");
        assertThat(CapRule.of(homeless, null, TODAY, FIGURES, decisions).cap()).as("no fixed address (RM V.1.1)")
                .isEqualByComparingTo("2830");
        assertThat(CapRule.of(resident, "INCENDIE-2026-17", TODAY, FIGURES, decisions).remaining()).isEqualByComparingTo("4574");
    }

    @Test
    void theHouseholdsMembersShareOneCapAndOneLock() {
        BeneficiarySnapshot alone = Beneficiaries.resident(TODAY.minusYears(4));
        BeneficiarySnapshot inHousehold = Beneficiaries.inHousehold();

        assertThat(CapRule.household(alone)).containsExactly(alone.id());
        assertThat(CapRule.lockKey(alone)).isEqualTo(alone.id());
        assertThat(CapRule.household(inHousehold)).hasSize(2).contains(inHousehold.id());
        assertThat(CapRule.lockKey(inHousehold)).isEqualTo(inHousehold.household().id());
    }

    @Test
    void threeYearsOfResidenceAddUpAcrossPeriods() {
        List<ResidencePeriod> exactlyThree = List.of(new ResidencePeriod(TODAY.minusYears(3), null));
        List<ResidencePeriod> aDayShort = List.of(new ResidencePeriod(TODAY.minusYears(3).plusDays(1), null));
        List<ResidencePeriod> twoPeriods = List.of(
                new ResidencePeriod(LocalDate.of(2015, 1, 1), LocalDate.of(2017, 1, 1)),
                new ResidencePeriod(LocalDate.of(2025, 1, 1), null));

        assertThat(CapRule.residedAtLeast(exactlyThree, TODAY, 3)).isTrue();
        assertThat(CapRule.residedAtLeast(aDayShort, TODAY, 3)).isFalse();
        assertThat(CapRule.residedAtLeast(twoPeriods, TODAY, 3)).as("2 years, then 1 year 11 months").isTrue();
        assertThat(CapRule.residedAtLeast(List.of(), TODAY, 3)).isFalse();
    }

    private static CapRule.PastDecision grant(LocalDate date, String amount) {
        return new CapRule.PastDecision(date, Decision.Outcome.GRANTED, new BigDecimal(amount), null);
    }
}
