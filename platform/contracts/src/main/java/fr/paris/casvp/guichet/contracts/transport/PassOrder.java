package fr.paris.casvp.guichet.contracts.transport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An order to the transport operator (Île-de-France Mobilités' pass issuer) to load, or to cancel, a Navigo right on a
 * person's card, on {@code transport.pass-orders.v1} (key = the beneficiary's pseudonym). Only what loading the right
 * needs: the pseudonym, the card number, the product, the zones, the validity. Event type {@link #TYPE}; schema
 * {@code schemas/transport-pass-order.v1.json}.
 *
 * @param orderId the operator's confirmation names it
 */
public record PassOrder(UUID orderId, Action action, String passNumber, String beneficiary, String navigoCardNumber,
                        String product, String zones, LocalDate validFrom, LocalDate validUntil, Instant orderedAt) {

    public static final String TYPE = "fr.paris.casvp.guichet.transport.pass-order.v1";

    public enum Action { LOAD, CANCEL }
}
