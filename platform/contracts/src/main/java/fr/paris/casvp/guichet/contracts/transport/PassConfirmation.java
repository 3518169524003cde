package fr.paris.casvp.guichet.contracts.transport;

import java.time.Instant;
import java.util.UUID;

/**
 * The transport operator's answer to a {@link PassOrder}, on {@code transport.pass-confirmations.v1}: the right is
 * loaded on the card (or cancelled), or the order is rejected with a reason (unknown card...). Event type {@link #TYPE};
 * schema {@code schemas/transport-pass-confirmation.v1.json}.
 */
public record PassConfirmation(UUID orderId, Status status, String reason, Instant at) {

    public static final String TYPE = "fr.paris.casvp.guichet.transport.pass-confirmation.v1";

    public enum Status { DONE, REJECTED }
}
