package fr.paris.casvp.guichet.solidarity.payment;

import fr.paris.casvp.guichet.audit.PartnerAnswers;
import fr.paris.casvp.guichet.contracts.payment.PaymentConfirmation;
import fr.paris.casvp.guichet.messaging.consumer.IdempotentConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** The treasury's answers on {@code payment-confirmations.v1} for this service's monthly payments, applied once. */
@Component
class PaymentConfirmations {

    private final IdempotentConsumer consumer;
    private final PaymentRuns runs;
    private final ObjectReader reader;
    private final PartnerAnswers answers;

    PaymentConfirmations(IdempotentConsumer consumer, PaymentRuns runs, PartnerAnswers answers, JsonMapper json) {
        this.answers = answers;
        this.consumer = consumer;
        this.runs = runs;
        this.reader = json.readerFor(PaymentConfirmation.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @KafkaListener(id = "solidarity-service.payment-confirmations", topics = "payment-confirmations.v1")
    void on(ConsumerRecord<String, String> record) {
        consumer.apply("solidarity.payment-confirmations", record, r -> {
            PaymentConfirmation confirmation = reader.readValue(r.value());
            if (confirmation.orderId() == null || confirmation.status() == null) {
                throw new IllegalArgumentException("A payment confirmation needs an orderId and a status");
            }
            answers.handled(r, "payment-confirmation", "payments", runs.settle(confirmation));
        });
    }
}
