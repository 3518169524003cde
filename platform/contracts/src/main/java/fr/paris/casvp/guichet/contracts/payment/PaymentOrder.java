package fr.paris.casvp.guichet.contracts.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An order to the treasury to pay a benefit, on {@code payment-orders.v1} (key = the beneficiary's pseudonym). The only
 * event that carries banking data: the IBAN and the account holder's name, which a SEPA credit transfer needs. Event type
 * {@link #TYPE}; schema {@code schemas/payment-order.v1.json}.
 *
 * @param orderId     unique per order; the treasury's confirmation names it
 * @param reference   the transfer's reference, shown on the payee's statement (e.g. {@code AE-2026-000123-1})
 * @param issuer      the service that ordered it ({@code aid-service}, {@code solidarity-service})
 * @param beneficiary the beneficiary's pseudonymous id (never the registry's id, a name or a NIR)
 * @param amount      euros, 2 decimals, positive
 * @param label       the transfer's label for the payee, in French
 */
public record PaymentOrder(UUID orderId, String reference, String issuer, String beneficiary, Payee payee,
                           BigDecimal amount, String currency, String label, Instant orderedAt) {

    public static final String TYPE = "fr.paris.casvp.guichet.payment.order.v1";

    /** @param kind who receives the money: the beneficiary, or a creditor paid on their behalf (landlord, supplier) */
    public record Payee(PayeeKind kind, String accountHolder, String iban) {
    }

    public enum PayeeKind { BENEFICIARY, CREDITOR }
}
