package fr.paris.casvp.guichet.messaging.replica;

import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.messaging.consumer.InboundRecords;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * A benefit service's local copy of the registry, fed by the compacted topic {@code beneficiaries.v1} (key =
 * beneficiary id, value = full snapshot, null = erased). Benefits decide from it, so the registry being down changes
 * nothing for them (the README's architecture rules).
 *
 * <p>Applying a snapshot is idempotent and ordered by the snapshot's {@code version}: a redelivered or older snapshot
 * changes nothing. An erased beneficiary keeps a row without any personal data, so that an older snapshot delivered
 * late cannot bring them back. A value that is not a JSON snapshot with a version goes, after the retries, to
 * {@code beneficiaries.v1.dlt}.
 *
 * <p>Rebuilt from the topic when its table is empty at start-up (wiped: each instance of the service reads its
 * partitions from the beginning), or on demand ({@link #rebuild()}, by one instance, which reads every partition
 * itself whatever the consumer group gave it): the topic is compacted, so reading it from the beginning gives every
 * beneficiary's latest snapshot. Its table {@code beneficiary_replica} is created by this module (see
 * {@code ModuleSchema}).
 */
public class BeneficiaryReplica extends AbstractConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(BeneficiaryReplica.class);
    private static final Duration REBUILD_TIME_LIMIT = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final ObjectReader snapshots;
    private final Supplier<Instant> clock;
    private final ConsumerFactory<String, String> consumers;

    public BeneficiaryReplica(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, Supplier<Instant> clock,
                              ConsumerFactory<String, String> consumers) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.snapshots = json.readerFor(BeneficiarySnapshot.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.clock = clock;
        this.consumers = consumers;
    }

    @KafkaListener(id = "${spring.application.name}.beneficiary-replica", topics = "beneficiaries.v1")
    public void apply(ConsumerRecord<String, String> record) {
        if (record.key() == null) {
            throw new IllegalArgumentException("A snapshot on " + Topic.BENEFICIARIES.topicName() + " has no key");
        }
        Long version = record.value() == null ? null : version(record);
        transactions.executeWithoutResult(status -> jdbc.sql("""
                        insert into beneficiary_replica
                            (beneficiary_id, snapshot, version, erased, source_partition, source_offset, replicated_at)
                        values (:id, cast(:snapshot as jsonb), :version, :erased, :partition, :offset, :now)
                        on conflict (beneficiary_id) do update
                           set snapshot = excluded.snapshot, version = excluded.version, erased = excluded.erased,
                               source_partition = excluded.source_partition, source_offset = excluded.source_offset,
                               replicated_at = excluded.replicated_at
                         where not beneficiary_replica.erased
                           and (excluded.erased or excluded.version > beneficiary_replica.version)
                        """)
                .param("id", record.key())
                .param("snapshot", record.value())
                .param("version", version)
                .param("erased", record.value() == null)
                .param("partition", record.partition())
                .param("offset", record.offset())
                .param("now", Timestamp.from(clock.get()))
                .update());
    }

    private Long version(ConsumerRecord<String, String> record) {
        JsonNode version = json.readTree(record.value()).get("version");
        if (version == null || !version.isIntegralNumber()) {
            throw new IllegalArgumentException("The snapshot of " + record.key() + " has no version");
        }
        return version.asLong();
    }

    /** An empty table (new service, or wiped by an operator) is filled again from the beginning of the topic. */
    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        super.onPartitionsAssigned(assignments, callback);
        if (Boolean.FALSE.equals(jdbc.sql("select exists (select 1 from beneficiary_replica)").query(Boolean.class).single())) {
            log.info("Beneficiary replica empty: reading {} from the beginning", assignments.keySet());
            callback.seekToBeginning(assignments.keySet());
        }
    }

    /**
     * Empties the replica and reads the whole topic again, every partition, up to its end when called, with a consumer
     * of its own (no group): with several instances of the service, the one asked does it all. The listeners go on
     * meanwhile; a snapshot applied twice, or an older one after a newer, changes nothing.
     *
     * @return how many records were read
     */
    public int rebuild() {
        transactions.executeWithoutResult(status -> jdbc.sql("truncate beneficiary_replica").update());
        log.info("Beneficiary replica emptied: reading every partition of {} from the beginning", Topic.BENEFICIARIES.topicName());
        int read = 0;
        try (Consumer<String, String> consumer = consumers.createConsumer(null, null, "-replica-rebuild")) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topic.BENEFICIARIES.topicName()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = clock.get().plus(REBUILD_TIME_LIMIT);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (clock.get().isAfter(deadline)) {
                    throw new IllegalStateException("The replica's rebuild did not reach the end of the topic within "
                            + REBUILD_TIME_LIMIT + " (" + read + " records read): ask again");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    read++;
                    List<String> refused = InboundRecords.problems(record);
                    if (!refused.isEmpty()) {
                        // Refused by the listener's container as well (InboundRecords): on beneficiaries.v1.dlt, not here.
                        log.warn("Rebuild: record {}-{}@{} skipped: {}", record.topic(), record.partition(), record.offset(), refused);
                        continue;
                    }
                    try {
                        apply(record);
                    } catch (RuntimeException e) {
                        // What the listener could not apply either: it is on beneficiaries.v1.dlt, not in the replica.
                        log.warn("Rebuild: record {}-{}@{} skipped: {}", record.topic(), record.partition(), record.offset(),
                                e.getMessage());
                    }
                }
            }
        }
        log.info("Beneficiary replica rebuilt from {} record(s)", read);
        return read;
    }

    /**
     * The latest snapshot of a beneficiary, read as the contract's record (fields it does not know are ignored: a newer
     * registry may add some); empty when unknown, erased or without a situation.
     */
    public Optional<BeneficiarySnapshot> find(UUID beneficiaryId) {
        return snapshot(beneficiaryId.toString()).<BeneficiarySnapshot>map(snapshots::readValue)
                .filter(snapshot -> snapshot.situation() != null);
    }

    /**
     * The latest snapshot; refused (422, {@code beneficiary-unknown}, naming the request's {@code field}) when the
     * replica does not hold this beneficiary.
     */
    public BeneficiarySnapshot get(UUID beneficiaryId, String field) {
        return find(beneficiaryId).orElseThrow(() -> new Refusal(Refusal.Kind.UNPROCESSABLE, ProblemTypes.BENEFICIARY_UNKNOWN,
                "Unknown beneficiary", "Beneficiary " + beneficiaryId + " is not in this service's copy of the registry: "
                + "register the person first (a new registration reaches this service within seconds).")
                .with("field", field));
    }

    /** The latest snapshot of a beneficiary as JSON; empty when unknown or erased. */
    public Optional<String> snapshot(String beneficiaryId) {
        return jdbc.sql("select snapshot::text from beneficiary_replica where beneficiary_id = :id and not erased")
                .param("id", beneficiaryId)
                .query(String.class)
                .optional();
    }

    /** How many beneficiaries the replica holds and when it last changed: how fresh the benefit's view is. */
    public Status status() {
        return jdbc.sql("select count(*) filter (where not erased), max(replicated_at) from beneficiary_replica")
                .query((rs, n) -> new Status(rs.getLong(1),
                        Optional.ofNullable(rs.getTimestamp(2)).map(Timestamp::toInstant).orElse(null)))
                .single();
    }

    public record Status(long beneficiaries, Instant lastReplicatedAt) {
    }
}
