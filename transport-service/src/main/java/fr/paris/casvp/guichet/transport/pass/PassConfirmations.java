package fr.paris.casvp.guichet.transport.pass;

import fr.paris.casvp.guichet.audit.PartnerAnswers;
import fr.paris.casvp.guichet.contracts.transport.PassConfirmation;
import fr.paris.casvp.guichet.messaging.consumer.IdempotentConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transport operator's answers on {@code transport.pass-confirmations.v1}, applied once each; one that does not
 * match its order is parked (listed at {@code /actuator/parked}), never applied.
 */
@Component
class PassConfirmations {

    private final IdempotentConsumer consumer;
    private final Passes passes;
    private final PartnerAnswers answers;
    private final ObjectReader reader;

    PassConfirmations(IdempotentConsumer consumer, Passes passes, PartnerAnswers answers, JsonMapper json) {
        this.consumer = consumer;
        this.passes = passes;
        this.answers = answers;
        this.reader = json.readerFor(PassConfirmation.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @KafkaListener(id = "transport-service.pass-confirmations", topics = "transport.pass-confirmations.v1")
    void on(ConsumerRecord<String, String> record) {
        consumer.apply("transport.pass-confirmations", record, r -> {
            PassConfirmation confirmation = reader.readValue(r.value());
            if (confirmation.orderId() == null || confirmation.status() == null) {
                throw new IllegalArgumentException("A pass confirmation needs an orderId and a status");
            }
            answers.handled(r, "pass-confirmation", "passes", passes.confirm(confirmation));
        });
    }
}
