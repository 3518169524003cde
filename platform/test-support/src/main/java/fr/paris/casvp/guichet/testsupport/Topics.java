package fr.paris.casvp.guichet.testsupport;

import static org.awaitility.Awaitility.await;

import fr.paris.casvp.guichet.contracts.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Reading and writing the real broker's topics in a test, as a partner (treasury, transport operator) would. */
public final class Topics {

    private Topics() {
    }

    /** The first {@code count} records of {@code topic} that match, from its beginning (a new group); waits up to 60 s. */
    public static List<ConsumerRecord<String, String>> read(ConsumerFactory<String, String> consumers, String topic,
                                                            Predicate<ConsumerRecord<String, String>> match, int count) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (Consumer<String, String> consumer = consumers.createConsumer("test-reader-" + UUID.randomUUID(), null)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (r.value() != null && match.test(r)) {
                        found.add(r);
                    }
                });
                return found.size() >= count;
            });
        }
        return found;
    }

    public static ConsumerRecord<String, String> first(ConsumerFactory<String, String> consumers, String topic,
                                                       Predicate<ConsumerRecord<String, String>> match) {
        return read(consumers, topic, match, 1).get(0);
    }

    /** A CloudEvents header's value, e.g. {@code ce_type}. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * Sends a record with the event id {@code ce_id} (the same id twice: a redelivery), and the event type
     * {@code ce_type} of the topic when the contract gives it one only, waits for the broker, and says where the record
     * landed (for {@link #awaitConsumed}).
     */
    public static RecordMetadata send(KafkaTemplate<String, String> kafka, String topic, String key, String value, String eventId) {
        return send(kafka, topic, key, value, eventId, Topic.byName(topic).filter(t -> t.eventTypes().size() == 1)
                .map(t -> t.eventTypes().iterator().next()).orElse(null));
    }

    /** {@link #send(KafkaTemplate, String, String, String, String)} with this {@code ce_type}, or none when it is null. */
    public static RecordMetadata send(KafkaTemplate<String, String> kafka, String topic, String key, String value, String eventId,
                                      String type) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        if (type != null) {
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        }
        try {
            return kafka.send(record).get(30, TimeUnit.SECONDS).getRecordMetadata();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    public static RecordMetadata send(KafkaTemplate<String, String> kafka, String topic, String key, String value) {
        return send(kafka, topic, key, value, UUID.randomUUID().toString());
    }

    /**
     * Waits (up to 60 s) until the consumer group {@code group} has committed an offset past {@code record}: the
     * positive signal that a listener has handled it, whatever it did with it. Listeners commit after their work, so a
     * "nothing changed" assertion made after this is not a guess about how long the listener takes.
     */
    public static void awaitConsumed(KafkaTemplate<String, String> kafka, String group, RecordMetadata record) {
        awaitConsumed(kafka, group, List.of(record));
    }

    /** {@link #awaitConsumed(KafkaTemplate, String, RecordMetadata)} for records on several partitions. */
    public static void awaitConsumed(KafkaTemplate<String, String> kafka, String group, Collection<RecordMetadata> records) {
        Map<TopicPartition, Long> last = new HashMap<>();
        records.forEach(r -> last.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::max));
        Object servers = kafka.getProducerFactory().getConfigurationProperties().get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                return last.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() > e.getValue());
            });
        }
    }
}
