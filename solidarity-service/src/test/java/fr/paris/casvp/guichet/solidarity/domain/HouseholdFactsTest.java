package fr.paris.casvp.guichet.solidarity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.Address;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.DisabilityEvidence;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.DisabilityEvidenceType;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.Identity;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.MonthlyResource;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.ResidencePeriod;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.ResourceKind;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot.Household;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot.Member;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot.MemberRole;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HouseholdFactsTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 11);

    @Test
    void moreThanThreeMonthsAwayFromHomeStopsPaymentThreeMonthsDoNot() {
        assertThat(HouseholdFacts.of(person(LocalDate.of(2026, 8, 1), null, null), null, false, MONTH).stops())
                .as("away since 1 August: 3 months on 1 November").isEmpty();
        HouseholdFacts away = HouseholdFacts.of(person(LocalDate.of(2026, 7, 31), null, null), null, false, MONTH);
        assertThat(away.stops()).containsExactly(HouseholdFacts.AWAY_FROM_HOME);
        assertThat(away.stopsFrom()).isEqualTo(LocalDate.of(2026, 10, 31));
    }

    @Test
    void aDeathBeforeTheMonthStopsIt() {
        HouseholdFacts facts = HouseholdFacts.of(person(null, LocalDate.of(2026, 10, 12), null), null, false, MONTH);

        assertThat(facts.stops()).containsExactly(HouseholdFacts.DECEASED);
        assertThat(facts.stopsFrom()).isEqualTo(LocalDate.of(2026, 10, 12));
    }

    @Test
    void aCoupleIsComputedWithBothMembersPooledAndAMissingPartnerStopsIt() {
        UUID household = UUID.randomUUID();
        BeneficiarySnapshot applicant = person(null, null, new Household(household, MemberRole.APPLICANT,
                List.of(new Member(UUID.randomUUID(), MemberRole.APPLICANT), new Member(UUID.randomUUID(), MemberRole.SPOUSE))));
        BeneficiarySnapshot spouse = person(null, null, null);

        HouseholdFacts couple = HouseholdFacts.of(applicant, spouse, false, MONTH);

        assertThat(couple.household().spouse()).isNotNull();
        assertThat(couple.household().monthlyResources()).isEqualByComparingTo("1000.00");
        assertThat(couple.household().applicant().disabled()).isTrue();
        assertThat(HouseholdFacts.partnerOf(applicant)).contains(applicant.household().members().get(1).beneficiaryId());
        assertThat(HouseholdFacts.of(applicant, null, true, MONTH).stops()).containsExactly(HouseholdFacts.HOUSEHOLD_INCOMPLETE);
    }

    @Test
    void residenceYearsCountOnlyTheLastFive() {
        LocalDate on = MONTH.atDay(1);

        assertThat(HouseholdFacts.yearsInParisInLastFive(List.of(new ResidencePeriod(LocalDate.of(1990, 1, 1), null)), on)).isEqualTo(5);
        assertThat(HouseholdFacts.yearsInParisInLastFive(List.of(new ResidencePeriod(on.minusYears(3), null)), on)).isEqualTo(3);
        assertThat(HouseholdFacts.yearsInParisInLastFive(List.of(new ResidencePeriod(on.minusYears(3).plusDays(1), null)), on)).isEqualTo(2);
        assertThat(HouseholdFacts.yearsInParisInLastFive(List.of(
                new ResidencePeriod(LocalDate.of(2015, 1, 1), on.minusYears(4)),
                new ResidencePeriod(on.minusYears(2).minusDays(1), null)), on))
                .as("1 year, then 2 years and a day (a leap day in between)").isEqualTo(3);
    }

    private static BeneficiarySnapshot person(LocalDate away, LocalDate deceased, Household household) {
        BeneficiarySituation situation = new BeneficiarySituation(new Identity("Durand", null, "Paul", LocalDate.of(1950, 1, 1), "M", null),
                new Address("3 rue de Tolbiac", null, "75013", "Paris", 13), List.of(new ResidencePeriod(LocalDate.of(2001, 1, 1), null)),
                null, List.of(new DisabilityEvidence(DisabilityEvidenceType.AAH, LocalDate.of(2020, 1, 1))), null, List.of(),
                List.of(new MonthlyResource(ResourceKind.PENSION, new BigDecimal("500.00"))), List.of(), false, "13", null, deceased, away);
        return new BeneficiarySnapshot(UUID.randomUUID(), "B-2026-000001", 1, Instant.now(), situation, LocalDate.of(2001, 1, 1), household);
    }
}
