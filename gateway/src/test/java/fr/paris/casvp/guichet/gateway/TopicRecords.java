package fr.paris.casvp.guichet.gateway;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What the gateway wrote on a topic, read by the tests from its beginning with a consumer group of their own. */
final class TopicRecords {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private TopicRecords() {
    }

    /** The first record whose value mentions {@code contains}, waited for. */
    static ConsumerRecord<String, String> first(String bootstrapServers, String topic, String contains) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
            consumer.subscribe(List.of(topic));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> collect(r, contains, found));
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

    /** Every record whose value mentions {@code contains}, the topic read to its end. */
    static List<ConsumerRecord<String, String>> all(String bootstrapServers, String topic, String contains) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> collect(r, contains, found));
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue()) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> collect(r, contains, found));
            }
        }
        return found;
    }

    private static void collect(ConsumerRecord<String, String> record, String contains, List<ConsumerRecord<String, String>> found) {
        if (record.value() != null && record.value().contains(contains)) {
            found.add(record);
        }
    }

    private static KafkaConsumer<String, String> consumer(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "gateway-it-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
    }
}
