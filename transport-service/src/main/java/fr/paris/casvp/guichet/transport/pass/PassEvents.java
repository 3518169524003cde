package fr.paris.casvp.guichet.transport.pass;

import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.transport.PassOrder;
import fr.paris.casvp.guichet.contracts.transport.TransportEvent.Transition;
import fr.paris.casvp.guichet.contracts.transport.TransportEvent;
import fr.paris.casvp.guichet.messaging.outbox.Outbox;
import fr.paris.casvp.guichet.messaging.outbox.OutboxEvent;
import fr.paris.casvp.guichet.messaging.partner.Pseudonyms.Partner;
import fr.paris.casvp.guichet.messaging.partner.Pseudonyms;
import java.time.Instant;
import java.util.List;
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

    void step(PassStore.Pass pass, Transition transition, String status, List<String> reasons, Instant at) {
        String beneficiary = pseudonyms.of(Partner.EVENTS, pass.beneficiaryId());
        TransportEvent event = new TransportEvent(pass.id(), pass.number(), beneficiary, pass.section(), transition, status,
                pass.product(), pass.zones(), pass.validFrom(), pass.validUntil(), pass.participationDue(),
                reasons == null || reasons.isEmpty() ? null : reasons, pass.receivedAt(), at);
        outbox.add(OutboxEvent.of(Topic.TRANSPORT_EVENTS.topicName(), beneficiary, TransportEvent.typeOf(transition),
                "transport/passes/" + pass.id(), at, json.writeValueAsString(event)));
    }

    void order(PassStore.Pass pass, UUID orderId, PassOrder.Action action, Instant at) {
        String beneficiary = pseudonyms.of(Partner.TRANSPORT_OPERATOR, pass.beneficiaryId());
        PassOrder order = new PassOrder(orderId, action, pass.number(), beneficiary, pass.navigoCardNumber(), pass.product(),
                pass.zones(), pass.validFrom(), pass.validUntil(), at);
        outbox.add(OutboxEvent.of(Topic.TRANSPORT_PASS_ORDERS.topicName(), beneficiary, PassOrder.TYPE,
                "transport/pass-orders/" + orderId, at, json.writeValueAsString(order)));
    }
}
