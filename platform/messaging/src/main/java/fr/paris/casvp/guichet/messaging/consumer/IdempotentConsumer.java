package fr.paris.casvp.guichet.messaging.consumer;

import fr.paris.casvp.guichet.contracts.CloudEventHeaders;
import fr.paris.casvp.guichet.messaging.HourlyPurge;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies an event's effect at most once per consumer: the effect and the record "event {@code ce_id} processed by
 * this consumer" commit in one transaction. A redelivered event (the offset was not committed, the relay published it
 * twice, a dead letter was replayed) finds its record and changes nothing. The listener container commits the offset
 * after this returns; if the effect fails, nothing is recorded and the error handler retries, then dead-letters.
 */
public class IdempotentConsumer {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Duration retention;
    private final HourlyPurge purges;

    /**
     * @param retention how long an event's record is kept: longer than any topic (and its dead letters) keeps a record
     *                  that could be delivered again (180 days by default, twice the longest, the intake's 90)
     */
    public IdempotentConsumer(JdbcClient jdbc, TransactionTemplate transactions, Duration retention) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.retention = retention;
        this.purges = new HourlyPurge(() -> purgeOlderThan(this.retention));
    }

    /**
     * @param consumer a name for the effect, stable across releases (e.g. {@code aid.payment-confirmations})
     * @return true when the effect was applied now, false when this event had already been processed
     * @throws MissingEventIdException when the record has no {@code ce_id}: it cannot be deduplicated
     */
    public <K, V> boolean apply(String consumer, ConsumerRecord<K, V> record, Consumer<ConsumerRecord<K, V>> effect) {
        purges.nowAndThen();
        String eventId = eventId(record);
        return Boolean.TRUE.equals(transactions.execute(status -> {
            int recorded = jdbc.sql("""
                            insert into processed_event (consumer, event_id, topic) values (:consumer, :eventId, :topic)
                            on conflict do nothing
                            """)
                    .param("consumer", consumer).param("eventId", eventId).param("topic", record.topic())
                    .update();
            if (recorded == 0) {
                return false;
            }
            effect.accept(record);
            return true;
        }));
    }

    /** Deletes the records of events processed more than {@code age} ago; returns how many (issue #33: never purged). */
    public int purgeOlderThan(Duration age) {
        return jdbc.sql("delete from processed_event where processed_at < now() - make_interval(secs => :seconds)")
                .param("seconds", age.toSeconds()).update();
    }


    /** The record's {@code ce_id}; {@link MissingEventIdException} when it has none. */
    public static String eventId(ConsumerRecord<?, ?> record) {
        Header id = record.headers().lastHeader(CloudEventHeaders.ID);
        if (id == null || id.value() == null || id.value().length == 0) {
            throw new MissingEventIdException(record.topic(), record.partition(), record.offset());
        }
        return new String(id.value(), StandardCharsets.UTF_8);
    }
}
