package fr.paris.casvp.guichet.housing.payment;

import fr.paris.casvp.guichet.audit.PartnerAnswers;
import fr.paris.casvp.guichet.contracts.payment.PaymentConfirmation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The treasury's answers on {@code payment-confirmations.v2} for this service's monthly payments, applied once. */
@Component
class PaymentConfirmations {

    private final PartnerAnswers answers;
    private final PaymentRunService runs;

    PaymentConfirmations(PartnerAnswers answers, PaymentRunService runs) {
        this.answers = answers;
        this.runs = runs;
    }

    @KafkaListener(id = "housing-service.payment-confirmations", topics = "payment-confirmations.v2")
    void on(ConsumerRecord<String, String> record) {
        answers.consume("housing.payment-confirmations", record, PaymentConfirmation.class, "payment-confirmation", "payments",
                runs::ordered, runs::settle);
    }
}
