package fr.paris.casvp.guichet.messaging.restore;

import fr.paris.casvp.guichet.contracts.CloudEventHeaders;
import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.audit.AuditAnchor;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptState;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * After a service's database was restored to an earlier point in time, and before the service starts again: what
 * Kafka holds since then is set against the restored database, so that the service comes back consistent with what
 * the others saw. A one-shot process, run like the migrations from the service's own image, with the owner's
 * credentials and the service's Kafka principal, while no instance of the service runs:
 *
 * <pre>java -cp @/app/jib-classpath-file fr.paris.casvp.guichet.messaging.restore.RestoreReconciliation</pre>
 *
 * <ol>
 *   <li><b>Nothing published is sent again.</b> Each event the service published since the restored time (read back
 *       from its topics, {@code guichet.restore.topics}, by its {@code ce_source}) that the restored outbox still holds
 *       as unsent is marked sent.</li>
 *   <li><b>Nothing published is forgotten.</b> Each event published since then that the restored database no longer
 *       has is kept in {@code restore_gap}, with its payload, and reported: the partners saw it, so the file it
 *       belongs to is to be entered again. The service's own rules then run ({@code db/restore/after-gap.sql} of its
 *       jar): a number published must not be given again.</li>
 *   <li><b>What came in since is taken again.</b> Each of the service's consumer groups is set back to the restored
 *       time (never forward): the partners' answers, the queued commands and the registry's changes of the lost
 *       interval are read again, and applied once (what was applied before is in the restored database).</li>
 *   <li><b>Receipts tell the truth.</b> A receipt whose latest state was published since then and that the restored
 *       database does not know ({@code guichet.restore.known-receipt-sql}) is published again as
 *       {@code UNDER_RECOVERY}: the person is told the file is being taken up, not that it is paid.</li>
 *   <li><b>The audit trail says where it was cut.</b> The latest anchor kept on Kafka is compared with the restored
 *       trail: the entries after the restored head are named as lost, and the trail is anchored again at its restored
 *       head, so that the service, which anchors nothing more over a trail that does not hold, goes on.</li>
 * </ol>
 *
 * Its report (JSON on standard output, and a row of {@code restore_report}) is what the operators keep. Run twice, it
 * finds nothing more to do but the report. Settings: the service's own ({@code spring.datasource.*} as the owner,
 * {@code spring.kafka.*}, {@code spring.application.name}), and {@code guichet.restore.restored-to} (an instant: the
 * recovery target), {@code guichet.restore.margin} (10 minutes: the clocks' skew), {@code guichet.restore.topics},
 * {@code guichet.restore.receipts-topic}, {@code guichet.restore.known-receipt-sql}; the audit trail and its anchors
 * are named as the service's {@code AuditAnchors} names them ({@code guichet.audit.anchors}).
 */
public final class RestoreReconciliation {

    private static final Logger log = LoggerFactory.getLogger(RestoreReconciliation.class);
    /** What a receipt says while its file, lost by a restore, is being taken up again. */
    public static final String UNDER_RECOVERY = "UNDER_RECOVERY";

    /** The data source, the Kafka settings and a clock, nothing else (not a component: a service's scan never finds it). */
    @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
    @EnableConfigurationProperties(KafkaProperties.class)
    @Import(ClockConfiguration.class)
    static final class Setup {
    }

    /** This process's one source of time, as a service's {@code ClockAutoConfiguration} is. */
    static final class ClockConfiguration {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    /** An event read back from Kafka. */
    record Published(String topic, int partition, long offset, String eventId, String type, String key, Instant time, String value) {
    }

    /** A consumer group set back: its partitions, from and to. */
    public record Rewound(String group, String topic, int partition, long from, long to) {
    }

    /** What the audit anchor says of the restored trail. */
    public record AuditCut(String trail, Long anchoredEntry, Long restoredHead, boolean holds, String lost) {
    }

    /** The run's report. */
    public record Report(Instant restoredTo, Instant readSince, int published, List<String> alreadyPublished,
                         Map<String, Long> lostByType, List<String> lost, List<Rewound> rewound, List<String> receiptsUnderRecovery,
                         AuditCut audit) {
    }

    private final JdbcClient jdbc;
    private final Map<String, Object> kafka;
    private final Map<String, Object> producer;
    private final Environment settings;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;

    RestoreReconciliation(DataSource dataSource, Map<String, Object> kafka, Map<String, Object> producer, Environment settings,
                          Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.kafka = Map.copyOf(kafka);
        this.producer = Map.copyOf(producer);
        this.settings = settings;
        this.clock = clock;
    }

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(Setup.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run(args)) {
            KafkaProperties kafka = context.getBean(KafkaProperties.class);
            Report report = new RestoreReconciliation(context.getBean(DataSource.class), kafka.buildConsumerProperties(),
                    kafka.buildProducerProperties(), context.getEnvironment(), context.getBean(Clock.class)).run();
            System.out.println(JsonMapper.builder().build().writeValueAsString(report));
        }
    }

    /** Reconciles, and reports. */
    public Report run() {
        Instant restoredTo = Instant.parse(required("guichet.restore.restored-to"));
        Instant since = restoredTo.minus(settings.getProperty("guichet.restore.margin", Duration.class, Duration.ofMinutes(10)));
        String source = settings.getProperty("guichet.restore.source", "/guichet/" + required("spring.application.name"));
        List<String> topics = List.of(required("guichet.restore.topics").split("\\s*,\\s*"));

        List<Published> published = read(topics, since, source);
        Map<UUID, Instant> outbox = outboxSentAt(published);
        List<String> alreadyPublished = new ArrayList<>();
        List<Published> lost = new ArrayList<>();
        for (Published event : published) {
            UUID id = UUID.fromString(event.eventId());
            if (!outbox.containsKey(id)) {
                lost.add(event);
            } else if (outbox.get(id) == null) {
                jdbc.sql("update outbox_event set sent_at = :now, last_error = 'published before the database was restored' "
                        + "where event_id = :id and sent_at is null").param("now", Timestamp.from(clock.instant())).param("id", id).update();
                alreadyPublished.add(event.eventId());
            }
        }
        for (Published event : lost) {
            jdbc.sql("""
                    insert into restore_gap (event_id, topic, record_partition, record_offset, event_type, message_key, occurred_at,
                                             payload, found_at)
                    values (:id, :topic, :partition, :offset, :type, :key, :time, :payload, :now) on conflict (event_id) do nothing
                    """).param("id", UUID.fromString(event.eventId())).param("topic", event.topic()).param("partition", event.partition())
                    .param("offset", event.offset()).param("type", event.type()).param("key", event.key())
                    .param("time", event.time() == null ? null : Timestamp.from(event.time())).param("payload", event.value())
                    .param("now", Timestamp.from(clock.instant())).update();
        }
        ClassPathResource rules = new ClassPathResource("db/restore/after-gap.sql");
        if (rules.exists()) {
            try (var in = rules.getInputStream()) {
                jdbc.sql(new String(in.readAllBytes(), StandardCharsets.UTF_8)).update();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        List<String> underRecovery = receiptsUnderRecovery(lost, source);
        List<Rewound> rewound = rewind(since);
        AuditCut audit = auditCut(source);

        Map<String, Long> lostByType = lost.stream().collect(Collectors.groupingBy(e -> String.valueOf(e.type()), TreeMap::new,
                Collectors.counting()));
        List<String> lostNamed = lost.stream().map(e -> e.topic() + " " + e.type() + " " + e.key() + " " + e.time()).toList();
        Report report = new Report(restoredTo, since, published.size(), alreadyPublished, lostByType, lostNamed, rewound,
                underRecovery, audit);
        jdbc.sql("insert into restore_report (ran_at, report) values (:now, :report)").param("now", Timestamp.from(clock.instant()))
                .param("report", json.writeValueAsString(report)).update();
        log.info("Restore reconciled: {} event(s) published since {}, {} not sent again, {} lost from the database ({}), {} "
                        + "consumer partition(s) set back, {} receipt(s) under recovery, audit trail: {}", published.size(), since,
                alreadyPublished.size(), lost.size(), lostByType, rewound.size(), underRecovery.size(), audit);
        return report;
    }

    /** The service's own events on its topics since {@code since}, to the end each partition has now. */
    List<Published> read(Collection<String> topics, Instant since, String source) {
        List<Published> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = topics.stream().flatMap(topic -> consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(partitions.stream()
                    .collect(Collectors.toMap(Function.identity(), p -> since.toEpochMilli())));
            List<TopicPartition> toRead = partitions.stream()
                    .filter(p -> starts.get(p) != null && starts.get(p).offset() < ends.get(p)).toList();
            consumer.assign(toRead);
            toRead.forEach(partition -> consumer.seek(partition, starts.get(partition).offset()));
            Map<TopicPartition, Long> position = new HashMap<>();
            while (toRead.stream().anyMatch(p -> position.getOrDefault(p, -1L) + 1 < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    position.put(partition, record.offset());
                    if (record.offset() < ends.get(partition) && source.equals(header(record, CloudEventHeaders.SOURCE))
                            && header(record, CloudEventHeaders.ID) != null) {
                        String time = header(record, CloudEventHeaders.TIME);
                        events.add(new Published(record.topic(), record.partition(), record.offset(), header(record, CloudEventHeaders.ID),
                                header(record, CloudEventHeaders.TYPE), record.key(), time == null ? null : Instant.parse(time),
                                record.value()));
                    }
                }
                for (TopicPartition partition : toRead) {
                    if (consumer.position(partition) >= ends.get(partition)) {
                        position.put(partition, ends.get(partition) - 1);
                    }
                }
            }
        }
        return events;
    }

    /** The restored outbox's rows for these events: event id to when it was sent (null: not yet). */
    private Map<UUID, Instant> outboxSentAt(List<Published> published) {
        Map<UUID, Instant> rows = new HashMap<>();
        List<UUID> ids = published.stream().map(e -> UUID.fromString(e.eventId())).toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            jdbc.sql("select event_id, sent_at from outbox_event where event_id in (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .query(rs -> {
                        Timestamp sent = rs.getTimestamp("sent_at");
                        rows.put(rs.getObject("event_id", UUID.class), sent == null ? null : sent.toInstant());
                    });
        }
        return rows;
    }

    /**
     * The receipts whose latest state was lost and that the restored database does not know: published again, through
     * the outbox (the service sends it when it starts), as {@link #UNDER_RECOVERY}.
     */
    private List<String> receiptsUnderRecovery(List<Published> lost, String source) {
        String topic = settings.getProperty("guichet.restore.receipts-topic");
        String known = settings.getProperty("guichet.restore.known-receipt-sql");
        if (topic == null || known == null) {
            return List.of();
        }
        Map<String, Published> latest = new LinkedHashMap<>();
        lost.stream().filter(e -> e.topic().equals(topic) && e.value() != null).forEach(e -> latest.put(e.key(), e));
        List<String> underRecovery = new ArrayList<>();
        for (Published state : latest.values()) {
            if (!jdbc.sql(known).param("number", state.key()).query().listOfRows().isEmpty()) {
                continue;
            }
            ObjectNode value = (ObjectNode) json.readTree(state.value());
            if (UNDER_RECOVERY.equals(value.path("status").asString(""))) {
                continue;
            }
            Instant now = clock.instant();
            value.put("status", UNDER_RECOVERY).put("updatedAt", now.toString());
            value.putArray("reasons").add("restored: the file is being taken up again (" + value.path("applicationNumber").asString("") + ")");
            jdbc.sql("""
                    insert into outbox_event (event_id, topic, message_key, event_type, source, subject, occurred_at, payload)
                    values (:id, :topic, :key, :type, :source, :subject, :now, :payload)
                    """).param("id", UUID.randomUUID()).param("topic", topic).param("key", state.key()).param("type", ReceiptState.TYPE)
                    .param("source", source).param("subject", "receipts/" + state.key()).param("now", Timestamp.from(now))
                    .param("payload", json.writeValueAsString(value)).update();
            underRecovery.add(state.key());
        }
        return underRecovery;
    }

    /** Each of the service's consumer groups, set back to {@code since} where it had gone further (never forward). */
    private List<Rewound> rewind(Instant since) {
        List<Rewound> rewound = new ArrayList<>();
        String prefix = required("spring.application.name");
        try (Admin admin = Admin.create(kafka); KafkaConsumer<String, String> consumer = consumer()) {
            Collection<ConsumerGroupListing> groups = admin.listConsumerGroups().all().get();
            for (ConsumerGroupListing group : groups) {
                if (!group.groupId().startsWith(prefix)) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetAndTimestamp> atTime = consumer.offsetsForTimes(committed.keySet().stream()
                        .collect(Collectors.toMap(Function.identity(), p -> since.toEpochMilli())));
                Map<TopicPartition, OffsetAndMetadata> back = new HashMap<>();
                committed.forEach((partition, offset) -> {
                    OffsetAndTimestamp target = atTime.get(partition);
                    if (offset != null && target != null && target.offset() < offset.offset()) {
                        back.put(partition, new OffsetAndMetadata(target.offset()));
                        rewound.add(new Rewound(group.groupId(), partition.topic(), partition.partition(), offset.offset(), target.offset()));
                    }
                });
                if (!back.isEmpty()) {
                    admin.alterConsumerGroupOffsets(group.groupId(), back).all().get();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting the consumer groups back", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not set the consumer groups back (is an instance of the service still running?)",
                    e.getCause());
        }
        return rewound;
    }

    /**
     * The latest anchor of the trail against the restored trail: where it was cut, if it was. A trail cut by the restore
     * is anchored again at its restored head (published before the service starts, so that it finds the new anchor and
     * goes on anchoring), and the cut stays in the report.
     */
    private AuditCut auditCut(String source) {
        // As the service's AuditAnchors names them: the trail after the service and its database, on its own topic.
        String anchors = settings.getProperty("guichet.audit.anchors");
        if (anchors == null) {
            return null;
        }
        String topic = Topic.auditAnchorsOf(anchors).orElseThrow(() -> new IllegalStateException("no audit-anchors topic for " + anchors))
                .topicName();
        String trail = required("spring.application.name") + "/" + jdbc.sql("select current_database()").query(String.class).single();
        Optional<AuditAnchor> anchor = latestAnchor(topic, trail);
        Long head = jdbc.sql("select max(id) from audit_entry").query(Long.class).optional().orElse(null);
        if (anchor.isEmpty()) {
            return new AuditCut(trail, null, head, true, "no anchor published yet");
        }
        AuditAnchor a = anchor.get();
        Optional<String> hash = jdbc.sql("select hash from audit_entry where id = :id").param("id", a.entryId()).query(String.class).optional();
        boolean holds = hash.isPresent() && hash.get().equals(a.hash());
        if (holds) {
            return new AuditCut(trail, a.entryId(), head, true, "none detectable: the latest anchor (entry " + a.entryId() + ", "
                    + a.anchoredAt() + ") is in the restored trail, and the restored trail ends at entry " + head
                    + "; entries written after the restored time and before the next anchor are not in it");
        }
        String lost = hash.isPresent() ? "the anchored entry " + a.entryId() + " is there with another hash: the trail was rewritten"
                : "entries " + (head == null ? 1 : head + 1) + " to " + a.entryId() + " (at least; anchored " + a.anchoredAt()
                + ") are not in the restored trail: it was cut after entry " + head;
        if (head != null) {
            String headHash = jdbc.sql("select hash from audit_entry where id = :id").param("id", head).query(String.class).single();
            AuditAnchor again = new AuditAnchor(trail, head, headHash, clock.instant());
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, trail, json.writeValueAsString(again));
            record.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                    .add(CloudEventHeaders.TYPE, AuditAnchor.TYPE.getBytes(StandardCharsets.UTF_8))
                    .add(CloudEventHeaders.SOURCE, source.getBytes(StandardCharsets.UTF_8))
                    .add(CloudEventHeaders.SUBJECT, ("audit/" + trail).getBytes(StandardCharsets.UTF_8))
                    .add(CloudEventHeaders.TIME, again.anchoredAt().toString().getBytes(StandardCharsets.UTF_8))
                    .add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8))
                    .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
            try (KafkaProducer<String, String> kafkaProducer = new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer())) {
                kafkaProducer.send(record).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while anchoring the restored trail", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("could not anchor the restored trail", e.getCause());
            }
            lost += "; anchored again at entry " + head;
        }
        return new AuditCut(trail, a.entryId(), head, false, lost);
    }

    /** The last anchor published for the trail (its key), as the service reads it. */
    private Optional<AuditAnchor> latestAnchor(String topic, String trail) {
        AuditAnchor latest = null;
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (trail.equals(record.key()) && record.value() != null) {
                        latest = json.readValue(record.value(), AuditAnchor.class);
                    }
                }
            }
        }
        return Optional.ofNullable(latest);
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> properties = new HashMap<>(kafka);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }

    private String required(String name) {
        String value = settings.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
