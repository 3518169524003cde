package fr.paris.casvp.guichet.messaging.outbox;

import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where a service writes the events that report a change, in the transaction of that change: both commit or neither
 * does (no dual write). {@link OutboxRelay} publishes them after the commit.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final String source;
    private final OutboxRelay relay;

    public Outbox(JdbcClient jdbc, String source, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.source = source;
        this.relay = relay;
    }

    /** Adds an event to the current transaction; there must be one. */
    public void add(OutboxEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An outbox event must be written in the transaction of the change it reports");
        }
        jdbc.sql("""
                        insert into outbox_event (event_id, topic, message_key, event_type, source, subject, occurred_at, payload)
                        values (:eventId, :topic, :key, :type, :source, :subject, :occurredAt, :payload)
                        """)
                .param("eventId", event.eventId())
                .param("topic", event.topic())
                .param("key", event.key())
                .param("type", event.type())
                .param("source", source)
                .param("subject", event.subject())
                .param("occurredAt", Timestamp.from(event.occurredAt()))
                .param("payload", event.payload())
                .update();
        // Publish as soon as the change is committed rather than at the next poll.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
    }
}
