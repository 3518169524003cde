package fr.paris.casvp.guichet.notice.notice;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The benefits' events, as a partner reads them: each step told to the person is recorded once per event
 * ({@code ce_id}), however many times Kafka delivers it.
 */
@Component
class BenefitEvents {

    private final NoticeService notices;

    BenefitEvents(NoticeService notices) {
        this.notices = notices;
    }

    @KafkaListener(id = "notice-service.benefit-events", topics = {"aid.events.v1", "solidarity.events.v1", "transport.events.v1"})
    void on(ConsumerRecord<String, String> record) {
        notices.record(record);
    }
}
