package fr.paris.casvp.guichet.messaging;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka client settings every service uses (the README's "Architecture", "Rules of the architecture"). They are applied in code,
 * over whatever {@code spring.kafka.*} says, so that a typo in a configuration file cannot weaken them.
 */
public final class KafkaConventions {

    /**
     * Idempotent producer, acknowledged by all in-sync replicas: a retry never duplicates nor reorders a record of a
     * partition. Keys and values are strings: the key is the beneficiary id, the value a JSON payload.
     */
    public static final Map<String, Object> PRODUCER = Map.of(
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
            // When the broker is down, a send fails within seconds (the outbox keeps the event) instead of blocking.
            ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000,
            ProducerConfig.LINGER_MS_CONFIG, 5,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);

    /**
     * Offsets are committed by the listener container after the record has been processed, never automatically;
     * a new consumer group reads a topic from its beginning (a replica is built from the whole compacted topic);
     * records of aborted transactions are never seen.
     */
    public static final Map<String, Object> CONSUMER = Map.of(
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            // A service killed (kill -9) leaves its consumers in the group until this expires: its partitions (a
            // benefit's queue of applications) wait that long after it returns. 10 s rather than Kafka's 45 s.
            ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000,
            ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);

    private KafkaConventions() {
    }
}
