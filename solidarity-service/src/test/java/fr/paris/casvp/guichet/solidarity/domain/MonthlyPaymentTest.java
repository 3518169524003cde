package fr.paris.casvp.guichet.solidarity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a grant pays for a month, or why it pays nothing (RM II.1.1), without a database. */
class MonthlyPaymentTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 11);
    private static final Allowance.Parameters PARAMETERS = AllowanceTest.RulesTables.on(MONTH.atDay(1));

    @Test
    void anActiveGrantIsOrderedWithTheMonthsAmountAndAReferenceThatSaysTheMonth() {
        MonthlyPayment payment = MonthlyPayment.of(MONTH, due(Grant.Status.ACTIVE, null), People.elderly("1100.00"),
                id -> Optional.empty(), PARAMETERS);

        assertThat(payment.status()).isEqualTo(MonthlyPayment.Status.ORDERED);
        assertThat(payment.amount()).isEqualByComparingTo("29.00");
        assertThat(payment.reference()).isEqualTo("PSG-2026-000001-202611");
        assertThat(payment.orderId()).isNotNull();
    }

    @Test
    void aGrantSuspendedBeforeTheMonthIsSkippedWithItsReason() {
        MonthlyPayment payment = MonthlyPayment.of(MONTH, due(Grant.Status.SUSPENDED, LocalDate.of(2026, 10, 1)),
                People.elderly("1100.00"), id -> Optional.empty(), PARAMETERS);

        assertThat(payment.status()).isEqualTo(MonthlyPayment.Status.SKIPPED);
        assertThat(payment.skipReason()).isEqualTo("SUSPENDED:AWAY_FROM_HOME");
        assertThat(payment.orderId()).isNull();
    }

    @Test
    void aSuspensionFromALaterMonthStillPaysThisOne() {
        MonthlyPayment payment = MonthlyPayment.of(MONTH, due(Grant.Status.SUSPENDED, LocalDate.of(2026, 12, 1)),
                People.elderly("1100.00"), id -> Optional.empty(), PARAMETERS);

        assertThat(payment.status()).isEqualTo(MonthlyPayment.Status.ORDERED);
    }

    @Test
    void anUnknownBeneficiaryADeathAndATinyAmountAreSkipped() {
        assertThat(MonthlyPayment.of(MONTH, due(Grant.Status.ACTIVE, null), null, id -> Optional.empty(), PARAMETERS)
                .skipReason()).isEqualTo("BENEFICIARY_UNKNOWN");
        assertThat(MonthlyPayment.of(MONTH, due(Grant.Status.ACTIVE, null),
                People.elderly("1000.00", LocalDate.of(2026, 10, 20), null), id -> Optional.empty(), PARAMETERS).skipReason())
                .isEqualTo(HouseholdFacts.DECEASED);
        MonthlyPayment tiny = MonthlyPayment.of(MONTH, due(Grant.Status.ACTIVE, null), People.elderly("1127.50"),
                id -> Optional.empty(), PARAMETERS);
        assertThat(tiny.status()).isEqualTo(MonthlyPayment.Status.SKIPPED);
        assertThat(tiny.skipReason()).isEqualTo(Allowance.BELOW_PAYMENT_THRESHOLD);
        assertThat(tiny.amount()).as("what was computed").isEqualByComparingTo(new BigDecimal("1.50"));
    }

    private static MonthlyPayment.Due due(Grant.Status status, LocalDate statusFrom) {
        return new MonthlyPayment.Due(UUID.randomUUID(), "PSG-2026-000001", UUID.randomUUID(), "Paul Durand",
                "FR7630006000011234567890189", status, statusFrom, statusFrom == null ? null : "AWAY_FROM_HOME");
    }
}
