package fr.paris.casvp.guichet.messaging.receipt;

import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptChecks;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptState;
import fr.paris.casvp.guichet.messaging.outbox.Outbox;
import fr.paris.casvp.guichet.messaging.outbox.OutboxEvent;
import java.time.LocalDate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the state of a receipt on {@code receipts.v1} (compacted, key = receipt number), through the outbox in the
 * transaction of the change: the gateway answers {@code GET /api/receipts/{number}} from it, also while the service is
 * down.
 */
public class Receipts {

    private final Outbox outbox;
    private final JsonMapper json;
    private final ReceiptChecks checks;

    /** @param checks the keyed birth-date checks; null in a service that publishes no receipt of its own */
    public Receipts(Outbox outbox, JsonMapper json, ReceiptChecks checks) {
        this.outbox = outbox;
        this.json = json;
        this.checks = checks;
    }

    /** The receipt's birth-date check ({@link ReceiptChecks}). */
    public String birthDateCheck(String number, LocalDate birthDate) {
        if (checks == null) {
            throw new IllegalStateException("No receipt key (guichet.receipt-key) in this service");
        }
        return checks.of(number, birthDate);
    }

    public void publish(ReceiptState state) {
        outbox.add(OutboxEvent.of(Topic.RECEIPTS.topicName(), state.number(), ReceiptState.TYPE, "receipts/" + state.number(),
                state.updatedAt(), json.writeValueAsString(state)));
    }
}
