package fr.paris.casvp.guichet.testsupport;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
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

    /** Sends a record with the event id {@code ce_id} (the same id twice: a redelivery), and waits for the broker. */
    public static void send(KafkaTemplate<String, String> kafka, String topic, String key, String value, String eventId) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    public static void send(KafkaTemplate<String, String> kafka, String topic, String key, String value) {
        send(kafka, topic, key, value, UUID.randomUUID().toString());
    }
}
