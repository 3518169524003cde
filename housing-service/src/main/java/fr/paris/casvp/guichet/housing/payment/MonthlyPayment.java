package fr.paris.casvp.guichet.housing.payment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A month's payment of a grant, as stored and answered: ORDERED (sent to the treasury), PAID, or FAILED with the bank's
 * reason.
 *
 * @param reference the payment's reference, e.g. {@code PL-2026-000042-2026-12}, as the treasury repeats it
 */
public record MonthlyPayment(String month, String reference, BigDecimal amount, String status, String reason, Instant orderedAt,
                             Instant settledAt) {
}
