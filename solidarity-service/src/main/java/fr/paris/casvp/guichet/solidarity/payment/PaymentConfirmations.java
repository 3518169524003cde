package fr.paris.casvp.guichet.solidarity.payment;

import fr.paris.casvp.guichet.audit.PartnerAnswers;
import fr.paris.casvp.guichet.contracts.payment.PaymentConfirmation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The treasury's answers on {@code payment-confirmations.v1} (and {@code .v2}) for this service's monthly payments, applied once. */
@Component
class PaymentConfirmations {

    private final PartnerAnswers answers;
    private final PaymentRunService runs;

    PaymentConfirmations(PartnerAnswers answers, PaymentRunService runs) {
        this.answers = answers;
        this.runs = runs;
    }

    @KafkaListener(id = "solidarity-service.payment-confirmations", topics = "payment-confirmations.v1")
    void on(ConsumerRecord<String, String> record) {
        answers.consume("solidarity.payment-confirmations", record, PaymentConfirmation.class, "payment-confirmation",
                "payments", runs::ordered, runs::settle);
    }

    /**
     * Version 2's answers (the amount a decimal string, read as a decimal): applied the same way, and once per order
     * whichever version answers it first (an order already answered ignores the other).
     */
    @KafkaListener(id = "solidarity-service.payment-confirmations-v2", topics = "payment-confirmations.v2")
    void onVersion2(ConsumerRecord<String, String> record) {
        answers.consume("solidarity.payment-confirmations.v2", record, PaymentConfirmation.class, "payment-confirmation",
                "payments", runs::ordered, runs::settle);
    }
}
