package fr.paris.casvp.guichet.solidarity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.contracts.solidarity.SolidarityEvent.Transition;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A grant's life after the decision (RM I/B art. 7-8, II.1.1 d/1-d/4), without a database. */
class GrantTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 11);
    private static final Instant NOW = Instant.parse("2026-11-15T09:00:00Z");

    @Test
    void aFirstGrantAndItsFirstRenewalLast12MonthsLaterOnesAsChosen() {
        assertThat(Grant.length(0, null)).hasValue(12);
        assertThat(Grant.length(1, 12)).hasValue(12);
        assertThat(Grant.length(1, 6)).as("a first renewal of 6 months").isEmpty();
        assertThat(Grant.length(2, null)).hasValue(24);
        assertThat(Grant.length(2, 6)).hasValue(6);
    }

    @Test
    void aDeathEndsTheGrantFromItsDate() {
        Grant grant = active("100.00");
        LocalDate death = LocalDate.of(2026, 11, 3);

        reexamine(grant, People.elderly("700.00", death, null));

        assertThat(grant.status()).isEqualTo(Grant.Status.ENDED);
        assertThat(grant.statusFrom()).isEqualTo(death);
        assertThat(grant.statusReason()).isEqualTo(HouseholdFacts.DECEASED);
        assertThat(grant.changes()).singleElement().satisfies(change -> {
            assertThat(change.transition()).isEqualTo(Transition.ENDED);
            assertThat(change.effectiveFrom()).isEqualTo(death);
            assertThat(change.applicationId()).isEqualTo(grant.applicationId());
        });
    }

    @Test
    void moreThanThreeMonthsAwaySuspendsThenConditionsMetAgainResumeFromTheSuspension() {
        Grant grant = active("100.00");
        reexamine(grant, People.elderly("700.00", null, LocalDate.of(2026, 6, 1)));
        assertThat(grant.status()).isEqualTo(Grant.Status.SUSPENDED);
        LocalDate suspendedFrom = grant.statusFrom();
        assertThat(suspendedFrom).isEqualTo(LocalDate.of(2026, 9, 1));

        reexamine(grant, People.elderly("700.00"));

        assertThat(grant.status()).isEqualTo(Grant.Status.ACTIVE);
        assertThat(grant.statusFrom()).isNull();
        assertThat(grant.changes()).last().satisfies(change -> {
            assertThat(change.transition()).isEqualTo(Transition.RESUMED);
            assertThat(change.effectiveFrom()).isEqualTo(suspendedFrom);
            assertThat(change.monthlyAmount()).isEqualTo(grant.monthlyAmount());
        });
    }

    /** An absence begun before the grant suspends it from its first month, not from before it existed. */
    @Test
    void aSuspensionThatWouldPrecedeTheGrantTakesEffectFromItsFirstMonth() {
        Grant grant = new Grant(UUID.randomUUID(), "PSG-2026-000002", UUID.randomUUID(), UUID.randomUUID(), "13", "Paul Durand",
                "FR7630006000011234567890189", MONTH.atDay(1), MONTH.plusMonths(11).atDay(1), Grant.Status.ACTIVE, null,
                null, new BigDecimal("100.00"), 1L, null, "director13", NOW);
        reexamine(grant, People.elderly("700.00", null, MONTH.minusMonths(5).atDay(1)));
        assertThat(grant.status()).isEqualTo(Grant.Status.SUSPENDED);
        assertThat(grant.statusFrom()).isEqualTo(MONTH.atDay(1));
        assertThat(grant.changes()).singleElement().satisfies(change -> assertThat(change.effectiveFrom()).isEqualTo(MONTH.atDay(1)));
    }

    @Test
    void newResourcesRecomputeTheAmountAndResourcesAboveTheCeilingSuspend() {
        Grant grant = active("1.00");
        reexamine(grant, People.elderly("1100.00"));
        assertThat(grant.changes()).singleElement().satisfies(change -> {
            assertThat(change.transition()).isEqualTo(Transition.AMOUNT_RECOMPUTED);
            assertThat(change.effectiveFrom()).isEqualTo(MONTH.atDay(1));
        });
        assertThat(grant.monthlyAmount()).isEqualByComparingTo("29.00");

        reexamine(grant, People.elderly("5000.00"));
        assertThat(grant.status()).isEqualTo(Grant.Status.SUSPENDED);
        assertThat(grant.statusFrom()).isEqualTo(MONTH.atDay(1));
        assertThat(grant.statusReason()).contains(Allowance.RESOURCES_ABOVE_CEILING);
    }

    @Test
    void theSameAmountChangesNothingAndAnOlderSnapshotIsSeenAlready() {
        Grant grant = active("29.00");
        reexamine(grant, People.elderly("1100.00"));
        assertThat(grant.changes()).isEmpty();

        grant.seen(5);
        assertThat(grant.hasSeen(5)).isTrue();
        assertThat(grant.hasSeen(4)).isTrue();
        assertThat(grant.hasSeen(6)).isFalse();
    }

    @Test
    void aReminderSaysTheLastMonth() {
        Grant grant = active("100.00");

        grant.remindRenewal(NOW);

        assertThat(grant.renewalRemindedAt()).isEqualTo(NOW);
        assertThat(grant.changes()).singleElement().satisfies(change -> {
            assertThat(change.transition()).isEqualTo(Transition.RENEWAL_DUE);
            assertThat(change.effectiveFrom()).isEqualTo(grant.lastMonth());
        });
    }

    private static Grant active(String amount) {
        return new Grant(UUID.randomUUID(), "PSG-2026-000001", UUID.randomUUID(), UUID.randomUUID(), "13", "Paul Durand",
                "FR7630006000011234567890189", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 1), Grant.Status.ACTIVE, null,
                null, new BigDecimal(amount), 1L, null, "director13", Instant.parse("2026-01-10T09:00:00Z"));
    }

    private static void reexamine(Grant grant, BeneficiarySnapshot person) {
        grant.reexamine(person.situation().deceasedOn(), HouseholdFacts.of(person, id -> Optional.empty(), MONTH),
                () -> AllowanceTest.RulesTables.on(MONTH.atDay(1)), MONTH, NOW);
    }
}
