package fr.paris.casvp.guichet.contracts.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/**
 * The payment order of contract version 2, on {@code payment-orders.v2}: the same order as {@link PaymentOrder}, its
 * amount written as a decimal string with exactly two decimals ({@code "400.00"}), which a validator in any language
 * checks exactly (version 1's number with {@code multipleOf: 0.01} is refused for one cent amount in nine by binary
 * floating point validators, 0.07 among them), and its issuer any Guichet service (a benefit to come needs no new
 * version). Guichet writes each order in both versions, under the same {@code orderId}, for the overlap period
 * (docs/partners.md); a partner reads one of them. Event type {@link #TYPE}; schema {@code schemas/payment-order.v2.json}.
 *
 * @param amount euros, two decimals, positive: {@code ^[1-9][0-9]*\.[0-9]{2}$} or {@code 0.01} to {@code 0.99}
 */
public record PaymentOrderV2(UUID orderId, String reference, String issuer, String beneficiary, PaymentOrder.Payee payee,
                             String amount, String currency, String label, Instant orderedAt) {

    public static final String TYPE = "fr.paris.casvp.guichet.payment.order.v2";

    /** The same order, in version 2. */
    public static PaymentOrderV2 of(PaymentOrder order) {
        return new PaymentOrderV2(order.orderId(), order.reference(), order.issuer(), order.beneficiary(), order.payee(),
                decimal(order.amount()), order.currency(), order.label(), order.orderedAt());
    }

    /** An amount as version 2 writes it: two decimals, never an exponent. */
    public static String decimal(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
