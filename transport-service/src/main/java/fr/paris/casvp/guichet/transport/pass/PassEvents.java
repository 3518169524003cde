package fr.paris.casvp.guichet.transport.pass;

import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.transport.PassOrder;
import fr.paris.casvp.guichet.contracts.transport.TransportEvent;
import fr.paris.casvp.guichet.messaging.outbox.Outbox;
import fr.paris.casvp.guichet.messaging.outbox.OutboxEvent;
import fr.paris.casvp.guichet.messaging.partner.Pseudonyms;
import fr.paris.casvp.guichet.messaging.partner.Pseudonyms.Partner;
import fr.paris.casvp.guichet.transport.domain.OperatorOrder;
import fr.paris.casvp.guichet.transport.domain.Pass;
import fr.paris.casvp.guichet.transport.domain.PassStep;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the Navigo right tells the others, through the outbox: every step on {@code transport.events.v1}, orders to the
 * transport operator on {@code transport.pass-orders.v1}; both keyed by the beneficiary's pseudonym.
 */
@Component
class PassEvents {

    private final Outbox outbox;
    private final Pseudonyms pseudonyms;
    private final JsonMapper json;

    PassEvents(Outbox outbox, Pseudonyms pseudonyms, JsonMapper json) {
        this.outbox = outbox;
        this.pseudonyms = pseudonyms;
        this.json = json;
    }

    /**
     * @param seq the step's place in the pass's history: its event's id is derived from it, so that the same step taken
     *            again (after a restore of the database, RestoreReconciliation) is the same event, not sent twice
     */
    void step(Pass pass, PassStep step, int seq) {
        String beneficiary = pseudonyms.of(Partner.EVENTS, pass.beneficiaryId());
        Pass.Decision decision = pass.decision();
        TransportEvent event = new TransportEvent(pass.id(), pass.number(), beneficiary, pass.section(), step.transition(),
                step.status().name(), decision == null ? null : decision.product(), pass.zones(),
                decision == null ? null : decision.validFrom(), decision == null ? null : decision.validUntil(),
                pass.participation() == null ? null : pass.participation().due(),
                step.reasons().isEmpty() ? null : step.reasons(), pass.receivedAt(), step.at());
        UUID eventId = UUID.nameUUIDFromBytes(("transport/passes/" + pass.id() + "/steps/" + seq).getBytes(StandardCharsets.UTF_8));
        outbox.add(new OutboxEvent(eventId, Topic.eventsOf("transport").topicName(), beneficiary, TransportEvent.typeOf(step.transition()),
                "transport/passes/" + pass.id(), step.at(), json.writeValueAsString(event)));
    }

    void order(Pass pass, OperatorOrder order) {
        String beneficiary = pseudonyms.of(Partner.TRANSPORT_OPERATOR, pass.beneficiaryId());
        Pass.Decision decision = pass.decision();
        PassOrder message = new PassOrder(order.id(), order.action(), pass.number(), beneficiary, pass.navigoCardNumber(),
                decision.product(), pass.zones(), decision.validFrom(), decision.validUntil(), order.orderedAt());
        outbox.add(OutboxEvent.of(Topic.TRANSPORT_PASS_ORDERS.topicName(), beneficiary, PassOrder.TYPE,
                "transport/pass-orders/" + order.id(), order.orderedAt(), json.writeValueAsString(message)));
    }
}
