package fr.paris.casvp.guichet.gateway.restore;

import fr.paris.casvp.guichet.contracts.Topic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * After Kafka lost its data (all of its nodes at once): what only Kafka held ({@link Topic#heldOnlyByKafka()}: the
 * commands queued during an outage and not yet applied, the QUEUED states of their receipts, the counters' receipt
 * series) copied back from the second cluster that MirrorMaker 2 keeps ({@code deploy/k8s/disaster-recovery}) into the
 * new, empty cluster, before the gateway and the services start on it. A one-shot process, run from the gateway's image
 * with the gateway's Kafka settings (the gateway alone writes these topics):
 *
 * <pre>java -cp @/app/jib-classpath-file fr.paris.casvp.guichet.gateway.restore.KafkaRestore</pre>
 *
 * <p>Each record is written again as it was: its key, its bytes, its headers (a queued command's signature still
 * holds), its timestamp (the topics' retention counts from it) and its partition (the order of a person's commands is
 * kept). A topic that already holds records is left alone unless {@code --force} is given: the services apply a
 * command written twice once (its {@code Idempotency-Key}, its receipt's claim), and a series or a receipt state
 * written twice is the same key twice on a compacted topic, but a restore is meant for an emptied cluster.
 *
 * <p>Settings: the gateway's {@code spring.kafka.*} (the cluster written to), and the Kafka client properties of the
 * copy under {@code guichet.mirror.*} ({@code GUICHET_MIRROR_BOOTSTRAP_SERVERS}, {@code GUICHET_MIRROR_SECURITY_PROTOCOL},
 * {@code GUICHET_MIRROR_SASL_MECHANISM}, {@code GUICHET_MIRROR_SASL_JAAS_CONFIG}, {@code GUICHET_MIRROR_SSL_TRUSTSTORE_TYPE},
 * {@code GUICHET_MIRROR_SSL_TRUSTSTORE_LOCATION}...: read as the {@code mirror-maker} principal of the second cluster).
 * Its report (JSON, on standard output) says what each topic held and what was written. With {@code --dry-run} it
 * only counts what the copy holds.
 */
public final class KafkaRestore {

    private static final Logger log = LoggerFactory.getLogger(KafkaRestore.class);

    /** The Kafka settings and a clock, nothing else (not a component: the gateway's scan never finds it). */
    @EnableConfigurationProperties(KafkaProperties.class)
    @Import(ClockConfiguration.class)
    static final class Setup {
    }

    /** This process's one source of time, as the gateway's {@code ClockConfiguration} is. */
    static final class ClockConfiguration {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    /** What one topic held in the copy, and what became of it. */
    public record TopicRestored(String topic, long inCopy, long written, boolean leftAlone, String why) {
    }

    /** The run's report. */
    public record Report(Instant ranAt, String from, List<TopicRestored> topics) {

        public long written() {
            return topics.stream().mapToLong(TopicRestored::written).sum();
        }
    }

    private final Map<String, Object> from;
    private final Map<String, Object> to;
    private final Clock clock;

    /**
     * @param from the client properties of the copy (read)
     * @param to   the client properties of the cluster written to (the gateway's)
     */
    public KafkaRestore(Map<String, Object> from, Map<String, Object> to, Clock clock) {
        this.from = Map.copyOf(from);
        this.to = Map.copyOf(to);
        this.clock = clock;
    }

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(Setup.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        boolean force = List.of(args).contains("--force");
        boolean dryRun = List.of(args).contains("--dry-run");
        try (ConfigurableApplicationContext context = application.run(args)) {
            Map<String, Object> mirror = new HashMap<>(Binder.get(context.getEnvironment())
                    .bind("guichet.mirror", Bindable.mapOf(String.class, String.class))
                    .orElseThrow(() -> new IllegalArgumentException("KafkaRestore needs guichet.mirror.* (GUICHET_MIRROR_BOOTSTRAP_SERVERS...)")));
            Report report = new KafkaRestore(mirror, context.getBean(KafkaProperties.class).buildProducerProperties(),
                    context.getBean(Clock.class)).restore(Topic.heldOnlyByKafka().stream().map(Topic::topicName).toList(), force, dryRun);
            System.out.println(JsonMapper.builder().build().writeValueAsString(report));
        }
    }

    /**
     * Copies each topic back, in the order given; fails (having written what it wrote) when a write is refused.
     *
     * @param dryRun only count what the copy holds, write nothing (is the copy current? compare with a run whose
     *               {@code guichet.mirror.*} names the cluster itself)
     */
    public Report restore(List<String> topics, boolean force, boolean dryRun) {
        List<TopicRestored> restored = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> source = consumer(from);
             KafkaConsumer<byte[], byte[]> target = consumer(to);
             KafkaProducer<byte[], byte[]> producer = producer()) {
            for (String topic : topics) {
                restored.add(restore(topic, force, dryRun, source, target, producer));
            }
        }
        Report report = new Report(clock.instant(), String.valueOf(from.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)), restored);
        log.info("Kafka restored from the copy: {} record(s) written; {}", report.written(), restored);
        return report;
    }

    private TopicRestored restore(String topic, boolean force, boolean dryRun, KafkaConsumer<byte[], byte[]> source,
                                  KafkaConsumer<byte[], byte[]> target, KafkaProducer<byte[], byte[]> producer) {
        List<TopicPartition> onTarget = partitions(topic, target);
        int targetPartitions = onTarget.size();
        long alreadyThere = held(target, onTarget);
        List<TopicPartition> partitions = partitions(topic, source);
        Map<TopicPartition, Long> ends = source.endOffsets(partitions);
        source.assign(partitions);
        source.seekToBeginning(partitions);
        if (alreadyThere > 0 && !force && !dryRun) {
            long inCopy = held(source, partitions);
            return new TopicRestored(topic, inCopy, 0, true, alreadyThere + " record(s) already on the cluster (--force to write anyway)");
        }
        List<Future<RecordMetadata>> writes = new ArrayList<>();
        long read = 0;
        while (partitions.stream().anyMatch(p -> source.position(p) < ends.get(p))) {
            for (ConsumerRecord<byte[], byte[]> record : source.poll(Duration.ofMillis(500))) {
                if (record.offset() >= ends.get(new TopicPartition(topic, record.partition()))) {
                    continue;
                }
                read++;
                if (dryRun) {
                    continue;
                }
                Integer partition = record.partition() < targetPartitions ? record.partition() : null;
                writes.add(producer.send(new ProducerRecord<>(topic, partition, record.timestamp(), record.key(), record.value(),
                        record.headers())));
            }
        }
        producer.flush();
        for (Future<RecordMetadata> write : writes) {
            try {
                write.get();
            } catch (Exception e) {
                throw new IllegalStateException("a record of " + topic + " was not written back: " + e.getMessage(), e);
            }
        }
        String why = dryRun ? "dry run: nothing written" : alreadyThere > 0 ? alreadyThere + " record(s) were there already" : null;
        return new TopicRestored(topic, read, writes.size(), dryRun, why);
    }

    /** How many offsets the partitions span (the records they hold, but for those compaction removed). */
    private static long held(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
        return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum()
                - consumer.beginningOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    private static List<TopicPartition> partitions(String topic, KafkaConsumer<byte[], byte[]> consumer) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("no topic " + topic + " on " + consumer);
        }
        return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static KafkaConsumer<byte[], byte[]> consumer(Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(settings);
        // No group: the partitions are assigned, nothing is committed (a producer's settings, when given, are ignored).
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> config = new HashMap<>(to);
        config.keySet().removeIf(key -> key.startsWith("key.") || key.startsWith("value.") || key.startsWith("transactional."));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
