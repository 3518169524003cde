package fr.paris.casvp.guichet.transport.domain;

import fr.paris.casvp.guichet.contracts.transport.PassOrder;
import java.time.Instant;
import java.util.UUID;

/** An order to the transport operator (load the pass on the card, or cancel it), and the operator's answer. */
public record OperatorOrder(UUID id, UUID passId, PassOrder.Action action, State status, String reason, Instant orderedAt,
                            Instant settledAt) {

    /** SENT until the operator answers DONE or REJECTED (the names of {@code PassConfirmation.Status}). */
    public enum State { SENT, DONE, REJECTED }
}
