package fr.paris.casvp.guichet.messaging.replica;

import fr.paris.casvp.guichet.contracts.Topic;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.transaction.annotation.Transactional;

/**
 * A benefit service's local copy of the registry, fed by the compacted topic {@code beneficiaries.v1} (key =
 * beneficiary id, value = full snapshot, null = erased). Benefits decide from it, so the registry being down changes
 * nothing for them (DESIGN.md).
 *
 * <p>Applying a record is idempotent: a row only moves forward in its partition's offsets, so a redelivered or older
 * snapshot changes nothing. An erased beneficiary keeps a row without any personal data, so that an older snapshot
 * delivered late cannot bring them back. A value that is not JSON fails the insert and goes, after the retries, to
 * {@code beneficiaries.v1.dlt}.
 *
 * <p>Its table {@code beneficiary_replica} is created by this module (see {@code ModuleSchema}).
 */
public class BeneficiaryReplica {

    private final JdbcClient jdbc;

    public BeneficiaryReplica(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @KafkaListener(id = "${spring.application.name}.beneficiary-replica", topics = "beneficiaries.v1")
    @Transactional
    public void apply(ConsumerRecord<String, String> record) {
        if (record.key() == null) {
            throw new IllegalArgumentException("A snapshot on " + Topic.BENEFICIARIES.topicName() + " has no key");
        }
        jdbc.sql("""
                        insert into beneficiary_replica
                            (beneficiary_id, snapshot, erased, source_partition, source_offset, replicated_at)
                        values (:id, cast(:snapshot as jsonb), :erased, :partition, :offset, now())
                        on conflict (beneficiary_id) do update
                           set snapshot = excluded.snapshot, erased = excluded.erased,
                               source_partition = excluded.source_partition, source_offset = excluded.source_offset,
                               replicated_at = excluded.replicated_at
                         where beneficiary_replica.source_partition <> excluded.source_partition
                            or beneficiary_replica.source_offset < excluded.source_offset
                        """)
                .param("id", record.key())
                .param("snapshot", record.value())
                .param("erased", record.value() == null)
                .param("partition", record.partition())
                .param("offset", record.offset())
                .update();
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
                        Optional.ofNullable(rs.getTimestamp(2)).map(java.sql.Timestamp::toInstant).orElse(null)))
                .single();
    }

    public record Status(long beneficiaries, Instant lastReplicatedAt) {
    }
}
