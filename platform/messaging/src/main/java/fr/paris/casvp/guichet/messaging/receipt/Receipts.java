package fr.paris.casvp.guichet.messaging.receipt;

import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptState;
import fr.paris.casvp.guichet.messaging.outbox.Outbox;
import fr.paris.casvp.guichet.messaging.outbox.OutboxEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the state of a receipt on {@code receipts.v1} (compacted, key = receipt number), through the outbox in the
 * transaction of the change: the gateway answers {@code GET /api/receipts/{number}} from it, also while the service is
 * down.
 */
public class Receipts {

    private final Outbox outbox;
    private final JsonMapper json;

    public Receipts(Outbox outbox, JsonMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    public void publish(ReceiptState state) {
        outbox.add(OutboxEvent.of(Topic.RECEIPTS.topicName(), state.number(), ReceiptState.TYPE, "receipts/" + state.number(),
                state.updatedAt(), json.writeValueAsString(state)));
    }
}
