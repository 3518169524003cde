package fr.paris.casvp.guichet.messaging.outbox;

import fr.paris.casvp.guichet.contracts.CloudEventHeaders;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox: the oldest unsent events first, in commit order ({@code commit_seq}, drawn when the change's
 * transaction commits), with the idempotent producer, and marks them sent once the broker has acknowledged them.
 *
 * <p>Per-key order holds because two changes of one key that touch the same data are serialised by the database, and
 * the second draws its {@code commit_seq} after the first has committed (issue #33: the insert-time id does not follow
 * commit order).
 *
 * <p><b>One relay round at a time</b>, however many instances of the service run: a round holds the lease
 * {@code outbox_relay_lease} (taken and given back in short statements; it runs out by itself after twice the send
 * time-out if its holder dies), and another instance's round simply skips. No transaction is open while Kafka
 * acknowledges (issue #33: a round held one, and an advisory lock, up to 30 s a message). <b>Order</b>: a round sends
 * its batch, waits for the acknowledgements (all within the send time-out), and marks sent only the events before the
 * first failure; the rest are sent again, in order, at the next round. An event may thus be published twice (after a
 * crash between the send and the mark): consumers recognise it by {@code ce_id}. <b>Failures</b> (broker down) back off
 * exponentially up to {@code maxBackoff}; the events wait in the table, and {@code guichet.outbox.oldest.unsent.age}
 * tells for how long.
 */
public class OutboxRelay implements SmartLifecycle {

    /** This instance, as the holder of the relay's lease. */
    private final UUID instance = UUID.randomUUID();

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaOperations<String, String> kafka;
    private final OutboxProperties properties;
    private final OutboxTracing tracing;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    /** When the next purge is due, on the monotonic clock: an interval, not a date. */
    private long nextPurgeNanos = System.nanoTime();

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaOperations<String, String> kafka,
                       OutboxProperties properties, MeterRegistry meters) {
        this(jdbc, transactions, kafka, properties, meters, OutboxTracing.NONE);
    }

    /** @param tracing continues each event's trace in its publication */
    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaOperations<String, String> kafka,
                       OutboxProperties properties, MeterRegistry meters, OutboxTracing tracing) {
        this.jdbc = jdbc;
        this.tracing = tracing;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
        Gauge.builder("guichet.outbox.oldest.unsent.age", this::oldestUnsentAgeSeconds)
                .description("Age of the oldest event not yet acknowledged by Kafka (0 when none)")
                .baseUnit("seconds").register(meters);
        Gauge.builder("guichet.outbox.unsent", this::unsentCount)
                .description("Events written but not yet acknowledged by Kafka").register(meters);
        Gauge.builder("guichet.outbox.parked", this::parkedCount)
                .description("Events the broker refused for good, set aside (listed by /actuator/outbox)").register(meters);
    }

    /** Asks for a round now (called after a commit that added events). */
    public void wakeUp() {
        wakeUps.release();
    }

    /**
     * One round: publishes up to a batch of unsent events. What the round learnt (sent, parked, the failure) is committed
     * whatever happens, before a failure is reported.
     *
     * @return how many were acknowledged and marked sent; -1 when another instance holds the relay
     * @throws OutboxPublicationException when the broker did not acknowledge an event (it is tried again next round)
     */
    public int relayOnce() {
        if (!takeLease()) {
            return -1;
        }
        Round round;
        try {
            List<Row> batch = jdbc.sql("""
                            select id, event_id, topic, message_key, event_type, source, subject, occurred_at, payload,
                                   traceparent
                              from outbox_event where sent_at is null and parked_at is null
                             order by commit_seq nulls first, id limit :limit
                            """)
                    .param("limit", properties.batchSize())
                    .query(OutboxRelay::row).list();
            round = publish(batch);
        } finally {
            giveLeaseBack();
        }
        if (round.failure() != null) {
            throw new OutboxPublicationException(round.sent(), round.failure());
        }
        return round.sent();
    }

    /** The relay's lease, when nobody holds it (or its holder has not given it back in time). */
    private boolean takeLease() {
        return jdbc.sql("""
                        insert into outbox_relay_lease (name, holder, until) values ('relay', :me, now() + make_interval(secs => :seconds))
                        on conflict (name) do update set holder = :me, until = excluded.until
                         where outbox_relay_lease.until < now() or outbox_relay_lease.holder = :me
                        """)
                .param("me", instance).param("seconds", properties.sendTimeout().multipliedBy(2).toSeconds() + 1).update() == 1;
    }

    private void giveLeaseBack() {
        jdbc.sql("update outbox_relay_lease set until = now() where name = 'relay' and holder = :me").param("me", instance).update();
    }

    private record Round(int sent, RuntimeException failure) {
    }

    private Round publish(List<Row> batch) {
        List<CompletableFuture<?>> acknowledgements = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        RuntimeException failure = null;
        for (Row row : batch) {
            ProducerRecord<String, String> record = row.toRecord();
            Span span = tracing.publishing(row.traceparent(), record);
            spans.add(span);
            try {
                acknowledgements.add(kafka.send(record));
            } catch (RuntimeException e) {
                if (refusal(e) != null) {
                    acknowledgements.add(CompletableFuture.failedFuture(e));
                    continue;
                }
                // Metadata unavailable (broker down): nothing after this row may go out before it.
                failure = e;
                break;
            }
        }
        try {
            return acknowledge(batch, acknowledgements, failure);
        } finally {
            spans.stream().filter(Objects::nonNull).forEach(Span::end);
        }
    }

    private Round acknowledge(List<Row> batch, List<CompletableFuture<?>> acknowledgements, RuntimeException failure) {
        List<Long> sent = new ArrayList<>();
        // One deadline for the whole batch: a round, and the lease, last the send time-out at most.
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        int index = 0;
        for (; index < acknowledgements.size(); index++) {
            Row row = batch.get(index);
            try {
                acknowledgements.get(index).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sent.add(row.id());
            } catch (Exception e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (refusal(cause) != null) {
                    park(row, cause);
                    continue;
                }
                failure = new IllegalStateException(cause);
                break;
            }
        }
        RuntimeException stopped = failure;
        int failed = index;
        // What the round learnt, in one short transaction once Kafka has answered.
        transactions.executeWithoutResult(status -> {
            if (!sent.isEmpty()) {
                // By id, never by range: an event committed meanwhile with an id inside the range was not sent.
                jdbc.sql("update outbox_event set sent_at = now(), attempts = attempts + 1 where id in (:ids)")
                        .param("ids", sent).update();
            }
            if (stopped != null && failed < batch.size()) {
                jdbc.sql("update outbox_event set attempts = attempts + 1, last_error = :error where id = :id")
                        .param("id", batch.get(failed).id())
                        .param("error", String.valueOf(stopped.getMessage()))
                        .update();
            }
        });
        return new Round(sent.size(), failure);
    }

    /**
     * The cause that refuses a record for good, or null: the record itself (too large, not serialisable, a topic name the
     * broker rejects). A broker that is down, a leader moving or a missing permission (an operator fixes it) are retried.
     */
    private static Throwable refusal(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof InvalidTopicException || t instanceof SerializationException
                    || t instanceof InvalidRecordException) {
                return t;
            }
        }
        return null;
    }

    private void park(Row row, Throwable failure) {
        Throwable cause = refusal(failure);
        log.error("Outbox: event {} ({} on {}) refused by the broker for good, parked: {}", row.eventId(), row.type(),
                row.topic(), cause.toString());
        jdbc.sql("update outbox_event set parked_at = now(), attempts = attempts + 1, last_error = :error where id = :id")
                .param("id", row.id()).param("error", cause.toString()).update();
    }

    /** The events parked, oldest first, without their payload (it holds personal data): for an operator. */
    public List<Map<String, Object>> parked() {
        return jdbc.sql("""
                        select id, event_id, topic, event_type, created_at, parked_at, last_error
                          from outbox_event where parked_at is not null and sent_at is null order by id limit 500
                        """).query().listOfRows();
    }

    long parkedCount() {
        return jdbc.sql("select count(*) from outbox_event where parked_at is not null and sent_at is null").query(Long.class).single();
    }

    /** Sent events are kept for a while (for an operator's questions), then deleted. */
    int purgeSent() {
        return jdbc.sql("delete from outbox_event where sent_at < now() - make_interval(secs => :seconds)")
                .param("seconds", properties.retention().toSeconds())
                .update();
    }

    public double oldestUnsentAgeSeconds() {
        return jdbc.sql("""
                        select coalesce(extract(epoch from now() - min(created_at)), 0) from outbox_event
                         where sent_at is null and parked_at is null
                        """)
                .query(Double.class).single();
    }

    public long unsentCount() {
        return jdbc.sql("select count(*) from outbox_event where sent_at is null and parked_at is null").query(Long.class).single();
    }

    private void loop() {
        Duration backoff = properties.initialBackoff();
        while (running) {
            Duration pause = properties.pollInterval();
            try {
                int sent = relayOnce();
                backoff = properties.initialBackoff();
                if (sent == properties.batchSize()) {
                    pause = Duration.ZERO;
                }
                purgeNowAndThen();
            } catch (OutboxPublicationException e) {
                log.warn("Outbox: {} event(s) published, then the broker did not acknowledge; next try in {}: {}",
                        e.published(), backoff, e.getCause().getMessage());
                pause = backoff;
                backoff = min(backoff.multipliedBy(2), properties.maxBackoff());
            } catch (RuntimeException e) {
                log.warn("Outbox relay round failed; next try in {}", backoff, e);
                pause = backoff;
                backoff = min(backoff.multipliedBy(2), properties.maxBackoff());
            }
            waitFor(pause);
        }
    }

    private void purgeNowAndThen() {
        long now = System.nanoTime();
        if (now - nextPurgeNanos >= 0) {
            nextPurgeNanos = now + Duration.ofHours(1).toNanos();
            int purged = purgeSent();
            if (purged > 0) {
                log.info("Outbox: {} sent event(s) older than {} deleted", purged, properties.retention());
            }
        }
    }

    private void waitFor(Duration pause) {
        try {
            if (wakeUps.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUps.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        if (thread != null) {
            try {
                thread.join(properties.sendTimeout().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("event_id"), rs.getString("topic"), rs.getString("message_key"),
                rs.getString("event_type"), rs.getString("source"), rs.getString("subject"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("payload"), rs.getString("traceparent"));
    }

    private record Row(long id, String eventId, String topic, String key, String type, String source, String subject,
                       Instant occurredAt, String payload, String traceparent) {

        ProducerRecord<String, String> toRecord() {
            RecordHeaders headers = new RecordHeaders();
            header(headers, CloudEventHeaders.ID, eventId);
            header(headers, CloudEventHeaders.TYPE, type);
            header(headers, CloudEventHeaders.SOURCE, source);
            header(headers, CloudEventHeaders.TIME, occurredAt.toString());
            header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
            if (subject != null) {
                header(headers, CloudEventHeaders.SUBJECT, subject);
            }
            if (payload != null) {
                header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
            }
            return new ProducerRecord<>(topic, null, key, payload, headers);
        }

        private static void header(RecordHeaders headers, String name, String value) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
