package fr.paris.casvp.guichet.contracts.payment;

import fr.paris.casvp.guichet.contracts.OrderAnswer;
import fr.paris.casvp.guichet.contracts.PartnerAnswerChecks;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The treasury's answer to a {@link PaymentOrder}, on {@code payment-confirmations.v1} (or {@code .v2}, {@link #TYPE_V2}):
 * paid, or failed with the bank's reason (closed account, wrong IBAN...). Each issuer ignores the confirmations of
 * orders it did not issue. Event type {@link #TYPE}; schema {@code schemas/payment-confirmation.v1.json}.
 *
 * <p>An issuer applies a confirmation only when it matches its order ({@link #mismatches}): the reference and the amount
 * of the order, a settlement after the order and not in the future. Both are optional in the schema (added after v1's
 * first release), but a confirmation without them cannot be checked and is parked, never applied.
 *
 * @param reference the order's reference, as ordered
 * @param amount    the amount settled, in euros, as ordered
 * @param reason    the reason of a failure (ISO 20022 return reason code or text); null when paid
 */
public record PaymentConfirmation(UUID orderId, String reference, BigDecimal amount, Status status, String reason,
                                  Instant settledAt) implements OrderAnswer {

    public static final String TYPE = "fr.paris.casvp.guichet.payment.confirmation.v1";
    /**
     * The confirmation of contract version 2, on {@code payment-confirmations.v2}: the same fields, the amount a decimal
     * string with two decimals ({@code "400.00"}, read into {@link #amount}), and the reference, the amount and the
     * settlement time required (version 1 marks them optional, yet Guichet parks a confirmation without them), the
     * reason too when it failed. Schema {@code schemas/payment-confirmation.v2.json}.
     */
    public static final String TYPE_V2 = "fr.paris.casvp.guichet.payment.confirmation.v2";

    public enum Status { PAID, FAILED }

    /**
     * What does not match the order this confirmation answers (empty when it may be applied): a confirmation forged or
     * sent by mistake changes nothing.
     */
    public List<String> mismatches(String orderedReference, BigDecimal orderedAmount, Instant orderedAt, Instant now) {
        List<String> mismatches = new ArrayList<>();
        PartnerAnswerChecks.same("reference", reference, orderedReference, mismatches);
        if (amount == null) {
            mismatches.add("no amount: it cannot be checked against the order");
        } else if (amount.compareTo(orderedAmount) != 0) {
            mismatches.add("amount " + amount.toPlainString() + " is not the order's (" + orderedAmount.toPlainString() + ")");
        }
        PartnerAnswerChecks.plausibleTime("settled", settledAt, orderedAt, now, mismatches);
        return mismatches;
    }
}
