package fr.paris.casvp.guichet.audit;

import fr.paris.casvp.guichet.contracts.Hmac;
import fr.paris.casvp.guichet.contracts.audit.AuditAnchor;
import fr.paris.casvp.guichet.web.Agent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service's audit trail of personal data (CASF L133-5): append-only, each entry chained to the previous one by an
 * HMAC-SHA256 under the deployment's audit key ({@code GUICHET_AUDIT_KEY}; entries written before it by a SHA-256).
 * Entries are written in a transaction of their own, so that a refused or failed request is recorded too; entries
 * recorded at the same moment share that transaction (a group commit: one lock and one commit per batch). The head of
 * the chain is anchored outside the database ({@link AuditAnchors}), so that a cut tail is detected.
 */
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);
    /** Advisory lock key: one writer at a time extends the chain. */
    private static final long LOCK_KEY = 0x6775696368657402L;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final AuditAnchors anchors;
    private final Hmac key;
    private final Queue<Pending> queued = new ConcurrentLinkedQueue<>();
    private final Lock writing = new ReentrantLock();

    /** @param key the audit key, at least 32 characters ({@code guichet.audit.key}, from {@code GUICHET_AUDIT_KEY}) */
    public AuditTrail(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, AuditAnchors anchors, String key) {
        // Kept for the life of the deployment: the trail's hashes depend on it.
        this.key = Hmac.of(key, "GUICHET_AUDIT_KEY");
        this.jdbc = jdbc;
        this.clock = clock;
        this.anchors = anchors;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * @param shown the files a search, list or refusal showed (empty for most requests)
     * @param keyed whether its hash is the keyed one (every entry since the audit key)
     */
    public record Entry(long id, Instant at, String username, String roles, String section, String operation,
                        String resourceType, String resourceId, int outcome, List<String> shown, boolean keyed,
                        String previousHash, String hash) {

        String text() {
            String fields = String.join("|", previousHash, at.toString(), username, roles, String.valueOf(section), operation,
                    resourceType, String.valueOf(resourceId), String.valueOf(outcome));
            // Entries written before "shown" existed keep their hash.
            return shown.isEmpty() ? fields : fields + "|shown:" + String.join(",", shown);
        }
    }

    /** The entry's hash: HMAC-SHA256 under the audit key, or the SHA-256 of the entries written before it. */
    String hashOf(Entry entry) {
        return entry.keyed() ? key.hex(entry.text()) : sha256(entry.text());
    }

    /** An agent that is not a person: a change applied from a Kafka topic is recorded as {@code kafka:<topic>}. */
    public static Agent source(String topic) {
        return new Agent("kafka:" + topic, Set.of(), null);
    }

    /**
     * What a verification found: how many entries; the first whose hash does not hold (null when none); the entry of the
     * latest anchor kept outside the database (null when none was published yet, or Kafka cannot be read now) and
     * whether it is still there with the same hash (false: the trail was cut or rewritten). Valid when both hold.
     */
    public record Verification(long entries, boolean valid, Long firstBrokenEntry, Long anchoredEntry, Boolean anchorHolds) {
    }

    public void record(Agent agent, String operation, String resourceType, String resourceId, int outcome) {
        record(agent, operation, resourceType, resourceId, outcome, List.of());
    }

    /**
     * An entry that also names the files the request showed ({@link Shown}). Returns once the entry is committed (an
     * exception when it could not be): entries recorded at the same moment are written together, in one transaction
     * that extends the chain once ({@link #writeQueued()}), so that the trail costs one commit per batch, not one per
     * request, and takes one connection of the pool, not one per waiting request.
     */
    public void record(Agent agent, String operation, String resourceType, String resourceId, int outcome, List<String> shown) {
        // Microseconds: what PostgreSQL keeps, so that the hash can be computed again from the row.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Pending pending = new Pending(new Entry(0, at, agent.username(), String.join(",", new TreeSet<>(agent.roles())),
                agent.section(), operation, resourceType, resourceId, outcome, List.copyOf(shown), true, null, null));
        queued.add(pending);
        writing.lock();
        try {
            if (!pending.written.isDone()) {
                writeQueued();
            }
        } finally {
            writing.unlock();
        }
        try {
            pending.written.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    /** An entry waiting for its batch, and what its caller waits for. */
    private record Pending(Entry entry, CompletableFuture<Void> written) {
        Pending(Entry entry) {
            this(entry, new CompletableFuture<>());
        }
    }

    /**
     * Writes every entry queued so far, in the order they were queued, in one transaction under the trail's advisory
     * lock (one writer at a time across the service's instances), then tells their callers. Called under {@link #writing}.
     */
    private void writeQueued() {
        List<Pending> batch = new ArrayList<>();
        for (Pending next = queued.poll(); next != null; next = queued.poll()) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            write(batch);
            batch.forEach(pending -> pending.written.complete(null));
        } catch (DataIntegrityViolationException refused) {
            if (batch.size() == 1) {
                batch.get(0).written.completeExceptionally(refused);
                return;
            }
            // A value the table refuses (a NUL character in a text…) fails only its own request: the others of the
            // batch are written one by one. A failure of the database itself fails them all, without a retry each.
            for (Pending pending : batch) {
                try {
                    write(List.of(pending));
                    pending.written.complete(null);
                } catch (RuntimeException | Error alone) {
                    pending.written.completeExceptionally(alone);
                }
            }
        } catch (RuntimeException | Error failure) {
            batch.forEach(pending -> pending.written.completeExceptionally(failure));
        }
    }

    /** These entries at the end of the chain, in one transaction under the trail's advisory lock. */
    private void write(List<Pending> batch) {
        ownTransaction.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query(Object.class).single();
            String previous = jdbc.sql("select hash from audit_entry order by id desc limit 1").query(String.class)
                    .optional().orElse(GENESIS);
            long id = 0;
            for (Pending pending : batch) {
                Entry entry = pending.entry();
                Entry chained = new Entry(0, entry.at(), entry.username(), entry.roles(), entry.section(), entry.operation(),
                        entry.resourceType(), entry.resourceId(), entry.outcome(), entry.shown(), true, previous, null);
                String hash = hashOf(chained);
                id = insert(chained, hash);
                previous = hash;
            }
            anchors.entryWritten(id, previous);
        });
    }

    private long insert(Entry entry, String hash) {
        return jdbc.sql("""
                        insert into audit_entry (at, username, roles, section, operation, resource_type, resource_id,
                                                 outcome, shown, keyed, previous_hash, hash)
                        values (:at, :username, :roles, :section, :operation, :resourceType, :resourceId, :outcome,
                                cast(:shown as text[]), true, :previousHash, :hash)
                        returning id
                        """)
                .param("at", Timestamp.from(entry.at())).param("username", entry.username()).param("roles", entry.roles())
                .param("section", entry.section()).param("operation", entry.operation())
                .param("resourceType", entry.resourceType()).param("resourceId", entry.resourceId())
                .param("outcome", entry.outcome()).param("shown", entry.shown().isEmpty() ? null : textArray(entry.shown()))
                .param("previousHash", entry.previousHash()).param("hash", hash)
                .query(Long.class).single();
    }

    /** The entries about this resource: its own pages, and the searches, lists and refusals that showed it. */
    public List<Entry> byResource(String resourceId) {
        return jdbc.sql("select * from audit_entry where resource_id = :id or shown @> array[cast(:id as text)] order by id")
                .param("id", resourceId).query(AuditTrail::entry).list();
    }

    public List<Entry> byAgent(String username) {
        return jdbc.sql("select * from audit_entry where username = :username order by id desc limit 1000")
                .param("username", username).query(AuditTrail::entry).list();
    }

    /**
     * Recomputes the chain from the first entry (a changed, removed or inserted row breaks it), then checks the latest
     * anchor: the entry it names must be there with its hash (a cut tail, or a chain rewritten whole, fails it).
     */
    public Verification verify() {
        Optional<AuditAnchor> anchor;
        try {
            anchor = anchors.latest();
        } catch (RuntimeException kafkaUnavailable) {
            // The chain is still checked; whether its head holds is said to be unknown (anchoredEntry null).
            anchor = Optional.empty();
        }
        String[] previous = {GENESIS};
        long[] count = {0};
        Long[] broken = {null};
        boolean[] keyedSeen = {false};
        jdbc.sql("select * from audit_entry order by id").query((ResultSet rs) -> {
            Entry entry = entry(rs, 0);
            count[0]++;
            // Once entries are keyed, an unkeyed one is a forgery: nobody writes them any more.
            boolean downgraded = keyedSeen[0] && !entry.keyed();
            if (broken[0] == null && (downgraded || !entry.previousHash().equals(previous[0]) || !entry.hash().equals(hashOf(entry)))) {
                broken[0] = entry.id();
            }
            keyedSeen[0] |= entry.keyed();
            previous[0] = entry.hash();
        });
        Boolean anchorHolds = anchor.map(anchors::holds).orElse(null);
        return new Verification(count[0], broken[0] == null && !Boolean.FALSE.equals(anchorHolds), broken[0],
                anchor.map(AuditAnchor::entryId).orElse(null), anchorHolds);
    }

    private static Entry entry(ResultSet rs, int rowNum) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("username"), rs.getString("roles"),
                rs.getString("section"), rs.getString("operation"), rs.getString("resource_type"), rs.getString("resource_id"),
                rs.getInt("outcome"), shown(rs), rs.getBoolean("keyed"), rs.getString("previous_hash"), rs.getString("hash"));
    }

    private static List<String> shown(ResultSet rs) throws SQLException {
        Array array = rs.getArray("shown");
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /** A PostgreSQL text array literal, each element quoted: {@code {"a","b"}}. */
    private static String textArray(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
