package fr.paris.casvp.guichet.transport.pass;

import fr.paris.casvp.guichet.audit.PartnerAnswers;
import fr.paris.casvp.guichet.contracts.transport.PassConfirmation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The transport operator's answers on {@code transport.pass-confirmations.v1}, applied once each; one that does not
 * match its order is parked (listed at {@code /actuator/parked}), never applied.
 */
@Component
class PassConfirmations {

    private final PartnerAnswers answers;
    private final PassService passes;

    PassConfirmations(PartnerAnswers answers, PassService passes) {
        this.answers = answers;
        this.passes = passes;
    }

    @KafkaListener(id = "transport-service.pass-confirmations", topics = "transport.pass-confirmations.v1")
    void on(ConsumerRecord<String, String> record) {
        answers.consume("transport.pass-confirmations", record, PassConfirmation.class, "pass-confirmation", "passes",
                passes::ordered, passes::confirm);
    }
}
