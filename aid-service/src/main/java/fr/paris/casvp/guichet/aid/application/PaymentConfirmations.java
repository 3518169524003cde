package fr.paris.casvp.guichet.aid.application;

import fr.paris.casvp.guichet.audit.PartnerAnswers;
import fr.paris.casvp.guichet.contracts.payment.PaymentConfirmation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The treasury's answers on {@code payment-confirmations.v1} (and {@code .v2}): each marks one of this service's payment orders paid or
 * failed, once; one that does not match its order is parked; an unreadable one goes to the dead-letter topic.
 */
@Component
class PaymentConfirmations {

    private final PartnerAnswers answers;
    private final ApplicationService applications;

    PaymentConfirmations(PartnerAnswers answers, ApplicationService applications) {
        this.answers = answers;
        this.applications = applications;
    }

    @KafkaListener(id = "aid-service.payment-confirmations", topics = "payment-confirmations.v1")
    void on(ConsumerRecord<String, String> record) {
        answers.consume("aid.payment-confirmations", record, PaymentConfirmation.class, "payment-confirmation",
                "applications", applications::ordered, applications::confirmPayment);
    }

    /**
     * Version 2's answers (the amount a decimal string, read as a decimal): applied the same way, and once per order
     * whichever version answers it first (an order already answered ignores the other).
     */
    @KafkaListener(id = "aid-service.payment-confirmations-v2", topics = "payment-confirmations.v2")
    void onVersion2(ConsumerRecord<String, String> record) {
        answers.consume("aid.payment-confirmations.v2", record, PaymentConfirmation.class, "payment-confirmation",
                "applications", applications::ordered, applications::confirmPayment);
    }
}
