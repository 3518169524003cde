package fr.paris.casvp.guichet.contracts.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * The treasury's answer to a {@link PaymentOrder}, on {@code payment-confirmations.v1}: paid, or failed with the bank's
 * reason (closed account, wrong IBAN...). Each issuer ignores the confirmations of orders it did not issue. Event type
 * {@link #TYPE}; schema {@code schemas/payment-confirmation.v1.json}.
 *
 * @param reason the reason of a failure (ISO 20022 return reason code or text); null when paid
 */
public record PaymentConfirmation(UUID orderId, String reference, Status status, String reason, Instant settledAt) {

    public static final String TYPE = "fr.paris.casvp.guichet.payment.confirmation.v1";

    public enum Status { PAID, FAILED }
}
