package fr.paris.casvp.guichet.messaging.consumer;

import fr.paris.casvp.guichet.contracts.CloudEventHeaders;
import fr.paris.casvp.guichet.contracts.Topic;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Inbound records that were read but must not be applied: they do not match what the service knows (a payment
 * confirmation for another amount or reference than its order's). Parked in the service's database with the reasons,
 * in the transaction of the consumer (so once), counted ({@code guichet.consumer.parked}) and listed for operators at
 * {@code /actuator/parked}, never applied. Once that transaction has committed, a copy goes to the topic's dead-letter
 * topic with the reasons ({@link RejectedRecordException#REASON_HEADER}), where whoever wrote it (a partner) reads why;
 * should that copy fail, the record stays parked and listed all the same.
 */
public class ParkedRecords {

    private static final Logger log = LoggerFactory.getLogger(ParkedRecords.class);

    private final JdbcClient jdbc;
    private final KafkaOperations<String, String> kafka;
    private final String service;

    /** @param service the service's name: the consumer group named on a dead-letter copy made outside a listener */
    public ParkedRecords(JdbcClient jdbc, MeterRegistry meters, KafkaOperations<String, String> kafka, String service) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.service = service;
        Gauge.builder("guichet.consumer.parked", this::count)
                .description("Inbound records read but not applied because they do not match (listed by /actuator/parked)")
                .register(meters);
    }

    public void park(ConsumerRecord<String, String> record, List<String> reasons) {
        log.warn("Record {}-{}@{} parked, not applied: {}", record.topic(), record.partition(), record.offset(), reasons);
        Header eventId = record.headers().lastHeader(CloudEventHeaders.ID);
        jdbc.sql("""
                        insert into parked_record (topic, record_partition, record_offset, record_key, event_id, reasons, payload)
                        values (:topic, :partition, :offset, :key, :eventId, :reasons, :payload)
                        """)
                .param("topic", record.topic()).param("partition", record.partition()).param("offset", record.offset())
                .param("key", record.key())
                .param("eventId", eventId == null ? null : new String(eventId.value(), StandardCharsets.UTF_8))
                .param("reasons", String.join("; ", reasons)).param("payload", record.value())
                .update();
        ProducerRecord<String, String> copy = deadLetter(record, reasons);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send(copy);
                }
            });
        } else {
            send(copy);
        }
    }

    /** The dead letter of a parked record: as it arrived, with where it came from and why it was not applied. */
    private ProducerRecord<String, String> deadLetter(ConsumerRecord<String, String> record, List<String> reasons) {
        ProducerRecord<String, String> copy = new ProducerRecord<>(Topic.deadLetterTopicName(record.topic()), record.partition(),
                record.key(), record.value());
        record.headers().forEach(header -> copy.headers().add(header));
        copy.headers().add(RejectedRecordException.REASON_HEADER, String.join("; ", reasons).getBytes(StandardCharsets.UTF_8));
        copy.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, record.topic().getBytes(StandardCharsets.UTF_8));
        copy.headers().add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(record.partition()).array());
        copy.headers().add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(record.offset()).array());
        // The listener's group, as on the dead letters of its container (the thread's, when parked by a listener).
        String group = KafkaUtils.getConsumerGroupId() == null ? service : KafkaUtils.getConsumerGroupId();
        copy.headers().add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, group.getBytes(StandardCharsets.UTF_8));
        return copy;
    }

    private void send(ProducerRecord<String, String> copy) {
        kafka.send(copy).whenComplete((sent, failure) -> {
            if (failure != null) {
                log.warn("The dead-letter copy of a parked record was not sent to {} (it stays parked): {}", copy.topic(),
                        failure.getMessage());
            }
        });
    }

    /** The latest parked records, without their payload. */
    public List<Map<String, Object>> list() {
        return jdbc.sql("""
                        select id, topic, record_partition, record_offset, record_key, event_id, reasons, parked_at
                          from parked_record order by id desc limit 500
                        """).query().listOfRows();
    }

    long count() {
        return jdbc.sql("select count(*) from parked_record").query(Long.class).single();
    }
}
