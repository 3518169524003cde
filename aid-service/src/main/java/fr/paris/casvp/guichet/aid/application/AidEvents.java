package fr.paris.casvp.guichet.aid.application;

import fr.paris.casvp.guichet.aid.domain.Application;
import fr.paris.casvp.guichet.aid.domain.Payment;
import fr.paris.casvp.guichet.aid.domain.Step;
import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.aid.AidApplicationEvent;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrder;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrderV2;
import fr.paris.casvp.guichet.messaging.outbox.Outbox;
import fr.paris.casvp.guichet.messaging.outbox.OutboxEvent;
import fr.paris.casvp.guichet.messaging.partner.Pseudonyms;
import fr.paris.casvp.guichet.messaging.partner.Pseudonyms.Partner;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the aid tells the others, through the outbox in the transaction of the change: every step of an application on
 * {@code aid.events.v1}, payment orders on {@code payment-orders.v1}. Both are keyed by the beneficiary's pseudonym,
 * so a beneficiary's events stay in order on one partition and partners never see the registry's id.
 */
@Component
class AidEvents {

    static final String ISSUER = "aid-service";

    private final Outbox outbox;
    private final Pseudonyms pseudonyms;
    private final JsonMapper json;

    AidEvents(Outbox outbox, Pseudonyms pseudonyms, JsonMapper json) {
        this.outbox = outbox;
        this.pseudonyms = pseudonyms;
        this.json = json;
    }

    /**
     * @param seq the step's place in the file's history: its event's id is derived from it, so that the same step
     *            taken again (after a restore of the database, RestoreReconciliation) is the same event, not sent twice
     */
    void step(Application application, Step step, int seq) {
        String beneficiary = pseudonyms.of(Partner.EVENTS, application.beneficiaryId());
        AidApplicationEvent event = new AidApplicationEvent(application.id(), application.number(), beneficiary,
                application.section(), step.transition(), step.status().name(), application.category().name(), step.amount(),
                step.reasonCode(), application.receivedAt(), step.at());
        UUID eventId = UUID.nameUUIDFromBytes(("aid/applications/" + application.id() + "/steps/" + seq).getBytes(StandardCharsets.UTF_8));
        outbox.add(new OutboxEvent(eventId, Topic.eventsOf("aid").topicName(), beneficiary, AidApplicationEvent.typeOf(step.transition()),
                "aid/applications/" + application.id(), step.at(), json.writeValueAsString(event)));
    }

    PaymentOrder paymentOrder(Application application, Payment order) {
        String beneficiary = pseudonyms.of(Partner.TREASURY, application.beneficiaryId());
        PaymentOrder payment = new PaymentOrder(order.id(), order.reference(), ISSUER, beneficiary,
                new PaymentOrder.Payee(order.payee().kind(), order.payee().accountHolder(), order.payee().iban()),
                order.amount(), "EUR", "CASVP ALLOCATION EXCEPTIONNELLE " + application.number(), order.orderedAt());
        outbox.add(OutboxEvent.of(Topic.PAYMENT_ORDERS.topicName(), beneficiary, PaymentOrder.TYPE,
                "aid/payment-orders/" + order.id(), order.orderedAt(), json.writeValueAsString(payment)));
        // The same order in version 2 of the contract, for the overlap period (docs/partners.md): the treasury reads one.
        outbox.add(OutboxEvent.of(Topic.PAYMENT_ORDERS_V2.topicName(), beneficiary, PaymentOrderV2.TYPE,
                "aid/payment-orders/" + order.id(), order.orderedAt(), json.writeValueAsString(PaymentOrderV2.of(payment))));
        return payment;
    }
}
