package fr.paris.casvp.guichet.notice.notice;

import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The benefits' events, as a partner reads them: each step told to the person is recorded once per event
 * ({@code ce_id}), however many times Kafka delivers it.
 */
@Component
public class BenefitEvents {

    /** Every declared benefit's events. */
    public static final List<String> TOPICS = Benefits.codes().stream().map(code -> Topic.eventsOf(code).topicName()).toList();

    private final NoticeService notices;

    BenefitEvents(NoticeService notices) {
        this.notices = notices;
    }

    @KafkaListener(id = "notice-service.benefit-events", topics = "#{T(fr.paris.casvp.guichet.notice.notice.BenefitEvents).TOPICS}")
    void on(ConsumerRecord<String, String> record) {
        notices.record(record);
    }
}
