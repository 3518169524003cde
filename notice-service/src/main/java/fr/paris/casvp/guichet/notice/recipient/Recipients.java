package fr.paris.casvp.guichet.notice.recipient;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The registry's snapshots on {@code beneficiaries.v1} (compacted): whom to greet and where to write. A new consumer
 * group reads the topic from its beginning, which gives every person's latest snapshot.
 */
@Component
class Recipients {

    private final RecipientService recipients;

    Recipients(RecipientService recipients) {
        this.recipients = recipients;
    }

    @KafkaListener(id = "notice-service.recipients", topics = "beneficiaries.v1")
    void on(ConsumerRecord<String, String> record) {
        recipients.apply(record.key(), record.value());
    }
}
