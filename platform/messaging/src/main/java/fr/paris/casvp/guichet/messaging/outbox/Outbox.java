package fr.paris.casvp.guichet.messaging.outbox;

import fr.paris.casvp.guichet.contracts.Topic;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where a service writes the events that report a change, in the transaction of that change: both commit or neither
 * does (no dual write). {@link OutboxRelay} publishes them after the commit.
 */
public class Outbox {

    /**
     * An event published before the database was restored to an earlier time, and written again with the same id (the
     * same step of the same file, taken again), is marked sent as it is written: {@code restore_gap} has it, and one
     * query per batch asks it (a look-up per row, written into the insert, made each row cost three times as much to
     * plan and run: issue #37). A VALUES insert, so that the driver writes a batch as multi-row inserts
     * ({@code reWriteBatchedInserts}: the monthly payment run writes two million rows).
     */
    private static final String INSERT = """
            insert into outbox_event (event_id, topic, message_key, event_type, source, subject, occurred_at, payload,
                                      traceparent, sent_at, last_error)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String REPUBLISHED = "published before the database was restored";

    private final JdbcTemplate jdbc;
    private final String source;
    private final OutboxRelay relay;
    private final OutboxTracing tracing;

    public Outbox(JdbcTemplate jdbc, String source, OutboxRelay relay) {
        this(jdbc, source, relay, OutboxTracing.NONE);
    }

    /** @param tracing records the trace of the change with its events */
    public Outbox(JdbcTemplate jdbc, String source, OutboxRelay relay, OutboxTracing tracing) {
        this.jdbc = jdbc;
        this.source = source;
        this.relay = relay;
        this.tracing = tracing;
    }

    /** Adds an event to the current transaction; there must be one. */
    public void add(OutboxEvent event) {
        addAll(List.of(event));
    }

    /** Adds events to the current transaction, in this order, in one batch (a monthly payment run writes thousands). */
    public void addAll(List<OutboxEvent> events) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An outbox event must be written in the transaction of the change it reports");
        }
        if (events.isEmpty()) {
            return;
        }
        for (OutboxEvent event : events) {
            // A topic of the contract carries its event types only (docs/asyncapi.yaml lists them).
            Topic.byName(event.topic()).filter(topic -> !topic.eventTypes().contains(event.type())).ifPresent(topic -> {
                throw new IllegalArgumentException("No event of type " + event.type() + " on " + topic.topicName()
                        + ": its types are " + new TreeSet<>(topic.eventTypes()));
            });
        }
        String traceparent = tracing.current();
        Map<UUID, Timestamp> alreadyPublished = new HashMap<>();
        jdbc.query("select event_id, found_at from restore_gap where event_id = any(?)",
                (RowCallbackHandler) row -> alreadyPublished.put(row.getObject(1, UUID.class), row.getTimestamp(2)),
                (Object) events.stream().map(OutboxEvent::eventId).toArray(UUID[]::new));
        jdbc.batchUpdate(INSERT, events, events.size(), (statement, event) -> {
            Timestamp publishedAt = alreadyPublished.get(event.eventId());
            statement.setObject(1, event.eventId());
            statement.setString(2, event.topic());
            statement.setString(3, event.key());
            statement.setString(4, event.type());
            statement.setString(5, source);
            statement.setString(6, event.subject());
            statement.setTimestamp(7, Timestamp.from(event.occurredAt()));
            statement.setString(8, event.payload());
            statement.setString(9, traceparent);
            statement.setTimestamp(10, publishedAt);
            statement.setString(11, publishedAt == null ? null : REPUBLISHED);
        });
        // Publish as soon as the change is committed rather than at the next poll.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
    }
}
