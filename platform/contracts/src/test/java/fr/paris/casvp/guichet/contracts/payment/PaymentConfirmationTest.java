package fr.paris.casvp.guichet.contracts.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentConfirmationTest {

    private static final Instant ORDERED = Instant.parse("2026-11-16T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-18T14:00:00Z");
    private static final BigDecimal AMOUNT = new BigDecimal("150.00");

    @Test
    void theOrdersReferenceAndAmountSettledBetweenTheOrderAndNowMatch() {
        assertThat(confirmation("AE-2026-000042-1", "150", ORDERED.plusSeconds(60)).mismatches("AE-2026-000042-1", AMOUNT, ORDERED, NOW))
                .isEmpty();
        assertThat(confirmation("AE-2026-000042-1", "150.0", NOW.plusSeconds(299)).mismatches("AE-2026-000042-1", AMOUNT, ORDERED, NOW))
                .as("within the clocks' skew").isEmpty();
    }

    @Test
    void everyDifferenceIsNamed() {
        assertThat(confirmation("AE-2026-000042-1", "15", ORDERED).mismatches("AE-2026-000042-1", AMOUNT, ORDERED, NOW))
                .containsExactly("amount 15 is not the order's (150.00)");
        assertThat(confirmation("AE-2026-000099-1", "150", ORDERED).mismatches("AE-2026-000042-1", AMOUNT, ORDERED, NOW))
                .containsExactly("reference AE-2026-000099-1 is not the order's (AE-2026-000042-1)");
        assertThat(confirmation(null, null, null).mismatches("AE-2026-000042-1", AMOUNT, ORDERED, NOW)).hasSize(3);
        assertThat(confirmation("AE-2026-000042-1", "150", ORDERED.minusSeconds(301)).mismatches("AE-2026-000042-1", AMOUNT, ORDERED, NOW))
                .singleElement().asString().contains("before the order");
        assertThat(confirmation("AE-2026-000042-1", "150", NOW.plusSeconds(301)).mismatches("AE-2026-000042-1", AMOUNT, ORDERED, NOW))
                .singleElement().asString().contains("in the future");
    }

    private static PaymentConfirmation confirmation(String reference, String amount, Instant settledAt) {
        return new PaymentConfirmation(UUID.randomUUID(), reference, amount == null ? null : new BigDecimal(amount),
                PaymentConfirmation.Status.PAID, null, settledAt);
    }
}
