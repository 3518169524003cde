package fr.paris.casvp.guichet.aid.application;

import fr.paris.casvp.guichet.audit.PartnerAnswers;
import fr.paris.casvp.guichet.contracts.payment.PaymentConfirmation;
import fr.paris.casvp.guichet.messaging.consumer.IdempotentConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The treasury's answers on {@code payment-confirmations.v1}: each marks one of this service's payment orders paid or
 * failed, once (a redelivered confirmation changes nothing); an unreadable one goes to the dead-letter topic.
 */
@Component
class PaymentConfirmations {

    private final IdempotentConsumer consumer;
    private final Applications applications;
    private final PartnerAnswers answers;
    private final ObjectReader reader;

    PaymentConfirmations(IdempotentConsumer consumer, Applications applications, PartnerAnswers answers, JsonMapper json) {
        this.consumer = consumer;
        this.applications = applications;
        this.answers = answers;
        this.reader = json.readerFor(PaymentConfirmation.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @KafkaListener(id = "aid-service.payment-confirmations", topics = "payment-confirmations.v1")
    void on(ConsumerRecord<String, String> record) {
        consumer.apply("aid.payment-confirmations", record, r -> {
            PaymentConfirmation confirmation = reader.readValue(r.value());
            if (confirmation.orderId() == null || confirmation.status() == null) {
                throw new IllegalArgumentException("A payment confirmation needs an orderId and a status");
            }
            answers.handled(r, "payment-confirmation", "applications", applications.confirmPayment(confirmation));
        });
    }
}
