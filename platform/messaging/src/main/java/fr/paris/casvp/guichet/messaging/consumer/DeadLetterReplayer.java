package fr.paris.casvp.guichet.messaging.consumer;

import fr.paris.casvp.guichet.contracts.Topic;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.AcknowledgingConsumerAwareMessageListener;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Hands the records parked in {@code <topic>.dlt} back to the listener that failed on them, once the cause has been
 * fixed: only the dead letters of this service's own consumer groups (the {@code kafka_dlt-original-consumer-group}
 * header), as they first arrived (original topic, partition, offset and headers). Never through the original topic:
 * a service may not write the topics it consumes (deploy/kafka/access.yaml), and other consumers have nothing to redo.
 * Each dead letter is replayed once (the replay's consumer group commits what it has passed); replaying is safe, since
 * consumers are idempotent. A listener that fails again stops the replay there: the rest waits for the next one. A
 * record refused for what it is ({@link RejectedRecordException#REASON_HEADER}: not following the contract, not matching
 * its order) is passed by: replaying it would change nothing; whoever wrote it sends a corrected one.
 */
public class DeadLetterReplayer {

    static final String REPLAYED_HEADER = "guichet_replayed_from";
    private static final String DEAD_LETTER_SUFFIX = Topic.deadLetterTopicName("");

    private final ConsumerFactory<String, String> consumers;
    private final KafkaListenerEndpointRegistry listeners;
    private final String group;

    public DeadLetterReplayer(ConsumerFactory<String, String> consumers, KafkaListenerEndpointRegistry listeners,
                              String applicationName) {
        this.consumers = consumers;
        this.listeners = listeners;
        this.group = applicationName + ".dead-letter-replay";
    }

    /**
     * This service's dead letters not replayed yet, by topic (only the topics that have some). A dead-letter topic is
     * shared by every consumer group of its topic (each record names its group): only this service's groups' records are
     * counted, read from where its replay stands.
     */
    public Map<String, Long> pending() {
        Map<String, Long> pending = new HashMap<>();
        try (Consumer<String, String> consumer = consumers.createConsumer(group, "pending")) {
            for (String deadLetters : consumer.listTopics(Duration.ofSeconds(10)).keySet()) {
                if (!deadLetters.endsWith(DEAD_LETTER_SUFFIX)) {
                    continue;
                }
                long count = ownNotReplayed(consumer, deadLetters);
                if (count > 0) {
                    pending.put(deadLetters.substring(0, deadLetters.length() - DEAD_LETTER_SUFFIX.length()), count);
                }
            }
        }
        return pending;
    }

    /** Reads a dead-letter topic from where this service's replay stands (committing nothing): its own records. */
    private long ownNotReplayed(Consumer<String, String> consumer, String deadLetters) {
        List<TopicPartition> partitions = partitions(consumer, deadLetters);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
        List<TopicPartition> behind = partitions.stream()
                .filter(p -> ends.get(p) > position(committed.get(p), consumer, p)).toList();
        if (behind.isEmpty()) {
            return 0;
        }
        consumer.assign(behind);
        for (TopicPartition partition : behind) {
            consumer.seek(partition, position(committed.get(partition), consumer, partition));
        }
        long own = 0;
        while (behind.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))
                        && listenerOf(record, original(record).topic()).isPresent()) {
                    own++;
                }
            }
        }
        consumer.unsubscribe();
        return own;
    }

    /** Replays every dead letter of {@code topic} that this service's listeners parked and not replayed yet; returns how many. */
    public int replay(String topic) {
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
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    ConsumerRecord<String, String> original = original(record);
                    Optional<MessageListenerContainer> listener = listenerOf(record, original.topic());
                    if (listener.isPresent()) {
                        deliver(listener.get(), original);
                        replayed++;
                    }
                    consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                }
            }
        }
        return replayed;
    }

    /** The listener of this service that parked the record (its consumer group, its topic), if any and if it was not refused. */
    private Optional<MessageListenerContainer> listenerOf(ConsumerRecord<String, String> record, String topic) {
        if (record.headers().lastHeader(RejectedRecordException.REASON_HEADER) != null) {
            return Optional.empty();
        }
        Optional<String> group = text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
        return listeners.getAllListenerContainers().stream()
                .filter(c -> group.isPresent() && group.get().equals(c.getGroupId()))
                .filter(c -> c.getContainerProperties().getTopics() != null
                        && List.of(c.getContainerProperties().getTopics()).contains(topic))
                .findFirst();
    }

    @SuppressWarnings("unchecked")
    private static void deliver(MessageListenerContainer container, ConsumerRecord<String, String> record) {
        Object listener = container.getContainerProperties().getMessageListener();
        if (listener instanceof AcknowledgingConsumerAwareMessageListener<?, ?> aware) {
            ((AcknowledgingConsumerAwareMessageListener<String, String>) aware).onMessage(record, null, null);
        } else if (listener instanceof MessageListener<?, ?> plain) {
            ((MessageListener<String, String>) plain).onMessage(record);
        } else {
            throw new IllegalStateException("Cannot replay to the listener of " + container.getListenerId() + ": "
                    + listener.getClass().getName());
        }
    }

    /** The record as its listener first received it: original topic, partition, offset, without the dead-letter headers. */
    private static ConsumerRecord<String, String> original(ConsumerRecord<String, String> record) {
        String topic = text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC).orElse(record.topic().substring(0,
                record.topic().length() - DEAD_LETTER_SUFFIX.length()));
        int partition = number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION).map(ByteBuffer::getInt).orElse(record.partition());
        long offset = number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET).map(ByteBuffer::getLong).orElse(record.offset());
        return new ConsumerRecord<>(topic, partition, offset, record.timestamp(), record.timestampType(),
                record.serializedKeySize(), record.serializedValueSize(), record.key(), record.value(), originalHeaders(record),
                Optional.empty());
    }

    private static Optional<String> text(ConsumerRecord<String, String> record, String header) {
        return Optional.ofNullable(record.headers().lastHeader(header)).map(h -> new String(h.value(), StandardCharsets.UTF_8));
    }

    private static Optional<ByteBuffer> number(ConsumerRecord<String, String> record, String header) {
        return Optional.ofNullable(record.headers().lastHeader(header)).map(h -> ByteBuffer.wrap(h.value()));
    }

    /** The record's own headers, without those the dead-letter publisher added. */
    private static RecordHeaders originalHeaders(ConsumerRecord<String, String> record) {
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
