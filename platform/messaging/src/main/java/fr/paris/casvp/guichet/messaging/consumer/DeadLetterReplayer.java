package fr.paris.casvp.guichet.messaging.consumer;

import fr.paris.casvp.guichet.contracts.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Sends the records parked in {@code <topic>.dlt} back to {@code <topic>}, once the cause has been fixed. Each dead
 * letter is replayed once (the replay's consumer group commits what it has replayed). Replaying is safe: consumers
 * are idempotent, so those that had processed the event skip it.
 */
public class DeadLetterReplayer {

    static final String REPLAYED_HEADER = "guichet_replayed_from";
    private static final String DEAD_LETTER_SUFFIX = Topic.deadLetterTopicName("");

    private final ConsumerFactory<String, String> consumers;
    private final KafkaOperations<String, String> kafka;
    private final String group;

    public DeadLetterReplayer(ConsumerFactory<String, String> consumers, KafkaOperations<String, String> kafka,
                              String applicationName) {
        this.consumers = consumers;
        this.kafka = kafka;
        this.group = applicationName + ".dead-letter-replay";
    }

    /** Dead letters not replayed yet, by topic (only the topics that have some). */
    public Map<String, Long> pending() {
        Map<String, Long> pending = new HashMap<>();
        try (Consumer<String, String> consumer = consumers.createConsumer(group, "pending")) {
            for (String deadLetters : consumer.listTopics(Duration.ofSeconds(10)).keySet()) {
                if (!deadLetters.endsWith(DEAD_LETTER_SUFFIX)) {
                    continue;
                }
                List<TopicPartition> partitions = partitions(consumer, deadLetters);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
                long count = partitions.stream().mapToLong(p -> ends.get(p) - position(committed.get(p), consumer, p)).sum();
                if (count > 0) {
                    pending.put(deadLetters.substring(0, deadLetters.length() - DEAD_LETTER_SUFFIX.length()), count);
                }
            }
        }
        return pending;
    }

    /** Replays every dead letter of {@code topic} not replayed yet; returns how many. */
    public int replay(String topic) throws Exception {
        String deadLetters = Topic.deadLetterTopicName(topic);
        int replayed = 0;
        try (Consumer<String, String> consumer = consumers.createConsumer(group, "replay")) {
            List<TopicPartition> partitions = partitions(consumer, deadLetters);
            if (partitions.isEmpty()) {
                return 0;
            }
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, position(committed.get(partition), consumer, partition));
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                List<CompletableFuture<?>> sends = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    sends.add(kafka.send(new ProducerRecord<>(topic, null, record.key(), record.value(), original(record))));
                }
                for (CompletableFuture<?> send : sends) {
                    send.get(30, TimeUnit.SECONDS);
                }
                replayed += sends.size();
                consumer.commitSync();
            }
        }
        return replayed;
    }

    /** The record's own headers, without those the dead-letter publisher added. */
    private static RecordHeaders original(ConsumerRecord<String, String> record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("kafka_dlt-")) {
                headers.add(header);
            }
        }
        headers.add(REPLAYED_HEADER, Topic.deadLetterTopicName(record.topic()).getBytes());
        return headers;
    }

    private static List<TopicPartition> partitions(Consumer<String, String> consumer, String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private static long position(OffsetAndMetadata committed, Consumer<String, String> consumer, TopicPartition partition) {
        return committed != null ? committed.offset()
                : consumer.beginningOffsets(List.of(partition)).get(partition);
    }
}
