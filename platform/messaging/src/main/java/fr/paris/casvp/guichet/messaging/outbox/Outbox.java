package fr.paris.casvp.guichet.messaging.outbox;

import fr.paris.casvp.guichet.contracts.Topic;
import java.sql.Timestamp;
import java.util.List;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where a service writes the events that report a change, in the transaction of that change: both commit or neither
 * does (no dual write). {@link OutboxRelay} publishes them after the commit.
 */
public class Outbox {

    /**
     * An event published before the database was restored to an earlier time, and written again with the same id (the
     * same step of the same file, taken again), is marked sent as it is written: {@code restore_gap} has it. A VALUES
     * insert, so that the driver still writes a batch as multi-row inserts ({@code reWriteBatchedInserts}: the monthly
     * payment run writes a million rows); the two look-ups are of a primary key, in a table empty but after a restore.
     */
    private static final String INSERT = """
            insert into outbox_event (event_id, topic, message_key, event_type, source, subject, occurred_at, payload,
                                      traceparent, sent_at, last_error)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, (select found_at from restore_gap where event_id = ?),
                    (select 'published before the database was restored' from restore_gap where event_id = ?))
            """;

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
        jdbc.batchUpdate(INSERT, events, events.size(), (statement, event) -> {
            statement.setObject(1, event.eventId());
            statement.setString(2, event.topic());
            statement.setString(3, event.key());
            statement.setString(4, event.type());
            statement.setString(5, source);
            statement.setString(6, event.subject());
            statement.setTimestamp(7, Timestamp.from(event.occurredAt()));
            statement.setString(8, event.payload());
            statement.setString(9, traceparent);
            statement.setObject(10, event.eventId());
            statement.setObject(11, event.eventId());
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
