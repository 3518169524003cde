package fr.paris.casvp.guichet.messaging.consumer;

import fr.paris.casvp.guichet.contracts.CloudEventHeaders;
import fr.paris.casvp.guichet.contracts.EventSchemas;
import fr.paris.casvp.guichet.contracts.Topic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Every record a service reads from a topic of the contract is checked against it before any listener sees it (a
 * {@link RecordInterceptor} on every listener container): an event type ({@code ce_type}) of that topic, and a value
 * valid against that type's published schema ({@link EventSchemas#inboundViolations}: fields it does not know are
 * ignored), or no value on a compacted topic (an erasure). A record that fails is refused
 * ({@link RejectedRecordException}: to the dead-letter topic at once, with the reasons); the business rules (an answer
 * that matches its order, a signed command...) are then the listener's.
 */
public final class InboundRecords<K, V> implements RecordInterceptor<K, V> {

    @Override
    public ConsumerRecord<K, V> intercept(ConsumerRecord<K, V> record, Consumer<K, V> consumer) {
        List<String> problems = problems(record);
        if (!problems.isEmpty()) {
            throw new RejectedRecordException(record.topic() + "-" + record.partition() + "@" + record.offset(), problems);
        }
        return record;
    }

    /** What does not follow the contract in {@code record}; empty when it does, or when its topic is not the contract's. */
    public static List<String> problems(ConsumerRecord<?, ?> record) {
        Optional<Topic> topic = Topic.byName(record.topic());
        if (topic.isEmpty()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        String type = text(record, CloudEventHeaders.TYPE);
        if (type == null) {
            problems.add("no ce_type header: the event type says which schema the value follows");
        } else if (!topic.get().eventTypes().contains(type)) {
            problems.add("ce_type " + type + " is not an event type of " + topic.get().topicName() + " (one of "
                    + new TreeSet<>(topic.get().eventTypes()) + ")");
        }
        if (record.value() == null) {
            if (!topic.get().compacted()) {
                problems.add("no value: only a compacted topic takes an erasure");
            }
        } else if (!(record.value() instanceof String value)) {
            problems.add("a value that is not text");
        } else if (problems.isEmpty()) {
            // "value /status: does not have a value in the enumeration...", "value: required property 'at' not found"
            EventSchemas.inboundViolations(type, value)
                    .forEach(violation -> problems.add("value" + (violation.startsWith(":") ? "" : " ") + violation));
        }
        return problems;
    }

    private static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
