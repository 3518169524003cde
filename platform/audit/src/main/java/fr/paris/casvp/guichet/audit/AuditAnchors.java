package fr.paris.casvp.guichet.audit;

import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.audit.AuditAnchor;
import fr.paris.casvp.guichet.messaging.outbox.Outbox;
import fr.paris.casvp.guichet.messaging.outbox.OutboxEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the head of the audit trail outside the database: at most every {@code interval}, the entry just written is
 * published on the service's own {@code audit-anchors.<database>.v1} (only that service may write it) through the
 * outbox (same transaction as the entry), and the verification reads the latest anchor back from Kafka. Whoever can
 * write to the database can cut the trail's tail or rewrite it whole, but cannot move the anchor: the anchored entry
 * must still be there with the same hash. Before it anchors a new head, the service checks that the previous anchor
 * still holds; when it does not, it anchors nothing more (the verification keeps failing) and says so in its log.
 */
public class AuditAnchors {

    private static final Logger log = LoggerFactory.getLogger(AuditAnchors.class);
    private static final int LOOK_BACK = 2_000;

    private final Outbox outbox;
    private final ConsumerFactory<String, String> consumers;
    private final JsonMapper json;
    private final Clock clock;
    private final String trail;
    private final String topic;
    private final long intervalNanos;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AtomicLong lastAnchor = new AtomicLong();
    private volatile boolean anchoredOnce;
    /**
     * The last anchor published, read from Kafka in the background the first time it is needed (never on the path of
     * a request: with Kafka down, the trail is written all the same, and anchored once Kafka is back).
     */
    private volatile Optional<AuditAnchor> previous;
    private final AtomicBoolean loading = new AtomicBoolean();
    private volatile boolean broken;

    public AuditAnchors(Outbox outbox, ConsumerFactory<String, String> consumers, JdbcClient jdbc,
                        PlatformTransactionManager transactions, JsonMapper json, Clock clock, String trail, Topic topic,
                        Duration interval) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.consumers = consumers;
        this.json = json;
        this.clock = clock;
        this.trail = trail;
        this.topic = topic.topicName();
        this.intervalNanos = interval.toNanos();
    }

    /** Called in the transaction that wrote entry {@code id}: anchors it when the last anchor is old enough. */
    void entryWritten(long id, String hash) {
        if (previous == null) {
            loadPrevious();
            return;
        }
        long now = System.nanoTime();
        long last = lastAnchor.get();
        if (anchoredOnce && now - last < intervalNanos || !lastAnchor.compareAndSet(last, now)) {
            return;
        }
        anchoredOnce = true;
        anchor(id, hash);
    }

    /** Publishes entry {@code id} as the trail's head, in the current transaction, unless the previous anchor is gone. */
    private void anchor(long id, String hash) {
        Optional<AuditAnchor> last = previous;
        if (broken || last.isPresent() && !holds(last.get())) {
            if (!broken) {
                log.error("The audit trail {} no longer holds its entry {} anchored at {}: it was cut or rewritten. "
                        + "No new anchor is published.", trail, last.get().entryId(), last.get().anchoredAt());
            }
            broken = true;
            return;
        }
        AuditAnchor anchor = new AuditAnchor(trail, id, hash, clock.instant());
        previous = Optional.of(anchor);
        outbox.add(OutboxEvent.of(topic, trail, AuditAnchor.TYPE, "audit/" + trail,
                anchor.anchoredAt(), json.writeValueAsString(anchor)));
    }

    /**
     * Reads the last anchor from Kafka in the background, then anchors the trail's head as it is; until then, nothing
     * is anchored (and a failure to read is tried again at the next entry).
     */
    private void loadPrevious() {
        if (!loading.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture.runAsync(() -> {
            try {
                Optional<AuditAnchor> found = latest();
                transactions.executeWithoutResult(tx -> {
                    previous = found;
                    lastAnchor.set(System.nanoTime());
                    anchoredOnce = true;
                    jdbc.sql("select id, hash from audit_entry order by id desc limit 1")
                            .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("hash"))).optional()
                            .ifPresent(head -> anchor(head.getKey(), head.getValue()));
                });
            } catch (RuntimeException unavailable) {
                log.warn("The last anchor of the audit trail {} cannot be read now ({}): anchoring waits", trail,
                        unavailable.toString());
            } finally {
                loading.set(false);
            }
        });
    }

    /** True when the anchored entry is in the trail with the anchored hash. */
    boolean holds(AuditAnchor anchor) {
        return jdbc.sql("select hash from audit_entry where id = :id").param("id", anchor.entryId()).query(String.class)
                .optional().filter(anchor.hash()::equals).isPresent();
    }

    /** The latest anchor of this trail on Kafka, if any has been published. */
    Optional<AuditAnchor> latest() {
        try (Consumer<String, String> consumer = consumers.createConsumer(null, "audit-anchor")) {
            int partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).size();
            TopicPartition partition = new TopicPartition(topic, Utils.toPositive(Utils.murmur2(trail.getBytes())) % partitions);
            consumer.assign(List.of(partition));
            long begin = consumer.beginningOffsets(List.of(partition)).get(partition);
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            Optional<AuditAnchor> found = read(consumer, partition, Math.max(begin, end - LOOK_BACK), end);
            return found.isPresent() || end - LOOK_BACK <= begin ? found : read(consumer, partition, begin, end);
        }
    }

    private Optional<AuditAnchor> read(Consumer<String, String> consumer, TopicPartition partition, long from, long end) {
        consumer.seek(partition, from);
        AuditAnchor latest = null;
        while (consumer.position(partition) < end) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                if (trail.equals(record.key()) && record.value() != null) {
                    latest = json.readValue(record.value(), AuditAnchor.class);
                }
            }
        }
        return Optional.ofNullable(latest);
    }
}
