package fr.paris.casvp.guichet.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.paris.casvp.guichet.messaging.outbox.Outbox;
import fr.paris.casvp.guichet.messaging.outbox.OutboxEvent;
import fr.paris.casvp.guichet.messaging.outbox.OutboxProperties;
import fr.paris.casvp.guichet.messaging.outbox.OutboxRelay;
import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox on real PostgreSQL and Kafka: what commits is published, in order per key, once. */
@SpringBootTest
@RealInfrastructure(database = "messaging")
class OutboxIT {

    private static final String TOPIC = MessagingTestApplication.EVENTS;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    ConsumerFactory<String, String> consumers;

    @Autowired
    OutboxProperties properties;

    @Autowired
    OutboxRelay relay;

    @Test
    void whatCommitsIsPublishedInOrderPerKeyWithCloudEventsHeaders() {
        String a = "a-" + UUID.randomUUID();
        String b = "b-" + UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            for (int i = 1; i <= 3; i++) {
                outbox.add(event(a, "a" + i));
                outbox.add(event(b, "b" + i));
            }
        });

        List<ConsumerRecord<String, String>> records = consume(6, a, b);

        assertThat(values(records, a)).containsExactly("{\"n\":\"a1\"}", "{\"n\":\"a2\"}", "{\"n\":\"a3\"}");
        assertThat(values(records, b)).containsExactly("{\"n\":\"b1\"}", "{\"n\":\"b2\"}", "{\"n\":\"b3\"}");
        ConsumerRecord<String, String> first = records.get(0);
        assertThat(header(first, "ce_type")).isEqualTo("fr.paris.casvp.guichet.test.v1");
        assertThat(header(first, "ce_source")).isEqualTo("/guichet/messaging-test");
        assertThat(header(first, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(first, "ce_id")).isNotBlank();
        assertThat(header(first, "content-type")).isEqualTo("application/json");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(unsent(a, b)).isZero());
    }

    @Test
    void aRolledBackChangeLeavesNoEventBehind() {
        String key = "rolled-back-" + UUID.randomUUID();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            outbox.add(event(key, "never"));
            throw new IllegalStateException("the change fails");
        })).hasMessage("the change fails");

        assertThat(jdbc.sql("select count(*) from outbox_event where message_key = :key").param("key", key)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anEventOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.add(event("k", "v"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void relaysOfSeveralInstancesNeverPublishAnEventTwiceNorOutOfOrder() throws Exception {
        List<String> keys = List.of("x-" + UUID.randomUUID(), "y-" + UUID.randomUUID(), "z-" + UUID.randomUUID());
        OutboxRelay secondInstance = new OutboxRelay(jdbc, transactions, kafka, properties, new SimpleMeterRegistry());
        OutboxRelay thirdInstance = new OutboxRelay(jdbc, transactions, kafka, properties, new SimpleMeterRegistry());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> relays = new ArrayList<>();
        for (OutboxRelay relay : List.of(secondInstance, thirdInstance)) {
            relays.add(pool.submit(() -> {
                for (int round = 0; round < 200; round++) {
                    relay.relayOnce();
                }
            }));
        }
        for (int i = 0; i < 100; i++) {
            int n = i;
            transactions.executeWithoutResult(status -> outbox.add(event(keys.get(n % 3), String.valueOf(n))));
        }
        for (Future<?> relay : relays) {
            relay.get();
        }
        pool.shutdown();

        List<ConsumerRecord<String, String>> records = consume(100, keys.toArray(String[]::new));

        assertThat(records.stream().map(r -> header(r, "ce_id")).distinct()).hasSize(100);
        for (int k = 0; k < 3; k++) {
            List<Integer> numbers = values(records, keys.get(k)).stream()
                    .map(v -> Integer.parseInt(v.replaceAll("\\D", ""))).toList();
            assertThat(numbers).hasSize(k == 0 ? 34 : 33).isSorted();
        }
    }

    /**
     * Issue #33 (code review): events were published in the order of their ids, drawn at insert time, and a transaction
     * that inserted first may commit last: two changes of one person then went out in the wrong order.
     */
    @Test
    void eventsOfOneKeyArePublishedInTheOrderTheirTransactionsCommitted() throws Exception {
        String key = "commit-" + UUID.randomUUID();
        relay.stop();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch firstInserted = new CountDownLatch(1);
            CountDownLatch secondCommitted = new CountDownLatch(1);
            Future<?> first = pool.submit(() -> transactions.executeWithoutResult(status -> {
                outbox.add(event(key, "inserted-first-committed-last"));
                firstInserted.countDown();
                try {
                    secondCommitted.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(firstInserted.await(30, TimeUnit.SECONDS)).isTrue();
            transactions.executeWithoutResult(status -> outbox.add(event(key, "inserted-last-committed-first")));
            secondCommitted.countDown();
            first.get(30, TimeUnit.SECONDS);

            assertThat(relay.relayOnce()).isPositive();
        } finally {
            pool.shutdown();
            relay.start();
        }

        assertThat(values(consume(2, key), key))
                .containsExactly("{\"n\":\"inserted-last-committed-first\"}", "{\"n\":\"inserted-first-committed-last\"}");
    }

    /**
     * Issue #37: the commit order is drawn once per transaction, not once per event (the payment run writes two events
     * per grant); the events of one transaction share it and keep the order they were written in, and each following
     * transaction, even on the same connection, draws its own.
     */
    @Test
    void aTransactionDrawsOneCommitNumberForAllItsEvents() {
        String key = "one-number-" + UUID.randomUUID();
        for (int transaction = 1; transaction <= 3; transaction++) {
            int t = transaction;
            transactions.executeWithoutResult(status -> outbox.addAll(IntStream.rangeClosed(1, 4)
                    .mapToObj(i -> event(key, t + "." + i)).toList()));
        }

        List<Map<String, Object>> rows = jdbc.sql("select commit_seq, payload from outbox_event where message_key = :key order by id")
                .param("key", key).query().listOfRows();
        assertThat(rows).hasSize(12).allSatisfy(row -> assertThat(row.get("commit_seq")).isNotNull());
        List<Long> numbers = rows.stream().map(row -> ((Number) row.get("commit_seq")).longValue()).toList();
        assertThat(numbers.subList(0, 4)).containsOnly(numbers.get(0));
        assertThat(numbers.subList(4, 8)).containsOnly(numbers.get(4));
        assertThat(numbers.subList(8, 12)).containsOnly(numbers.get(8));
        assertThat(List.of(numbers.get(0), numbers.get(4), numbers.get(8))).doesNotHaveDuplicates().isSorted();
        assertThat(values(consume(12, key), key)).containsExactly(IntStream.rangeClosed(1, 3).boxed()
                .flatMap(t -> IntStream.rangeClosed(1, 4).mapToObj(i -> "{\"n\":\"" + t + "." + i + "\"}")).toArray(String[]::new));
    }

    /**
     * After a restore of the database, a step taken again writes its event again under the same id: the partners saw
     * it before the restore (restore_gap has it), so it is marked sent as it is written, and the others of its batch
     * are published as usual.
     */
    @Test
    void anEventPublishedBeforeARestoreIsNotPublishedAgainWhenItsStepIsTakenAgain() {
        String key = "retaken-" + UUID.randomUUID();
        OutboxEvent seen = event(key, "seen-before-the-restore");
        OutboxEvent fresh = event(key, "new");
        Instant foundAt = Instant.parse("2026-11-30T08:15:00Z");
        jdbc.sql("""
                        insert into restore_gap (event_id, topic, record_partition, record_offset, found_at)
                        values (:id, :topic, 0, 41, :at)
                        """)
                .param("id", seen.eventId()).param("topic", TOPIC).param("at", Timestamp.from(foundAt)).update();

        transactions.executeWithoutResult(status -> outbox.addAll(List.of(seen, fresh)));

        Map<String, Object> retaken = jdbc.sql("select sent_at, last_error from outbox_event where event_id = :id")
                .param("id", seen.eventId()).query().singleRow();
        assertThat(((Timestamp) retaken.get("sent_at")).toInstant()).isEqualTo(foundAt);
        assertThat(retaken.get("last_error")).isEqualTo("published before the database was restored");
        assertThat(values(consume(1, key), key)).containsExactly("{\"n\":\"new\"}");
    }

    /** Issue #33 (code review): a round held a transaction, and an advisory lock, while Kafka acknowledged. */
    @Test
    void aRoundHoldsNoTransactionWhileTheBrokerAcknowledges() {
        String key = "lease-" + UUID.randomUUID();
        transactions.executeWithoutResult(status -> outbox.add(event(key, "one")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(unsent(key)).isZero());
        assertThat(jdbc.sql("select until <= now() from outbox_relay_lease where name = 'relay'").query(Boolean.class).single())
                .as("given back after its round").isTrue();
    }

    @Test
    void anEventTheBrokerRefusesForGoodIsParkedAndTheOthersGoOn() {
        String key = "big-" + UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            outbox.add(event(key, "before"));
            outbox.add(OutboxEvent.of(TOPIC, key, "fr.paris.casvp.guichet.test.v1", key, Instant.now(),
                    "{\"n\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}"));
            outbox.add(event(key, "after"));
        });

        List<ConsumerRecord<String, String>> records = consume(2, key);

        assertThat(values(records, key)).containsExactly("{\"n\":\"before\"}", "{\"n\":\"after\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(unsent(key)).isOne());
        Map<String, Object> parked = jdbc.sql("select parked_at, attempts, last_error from outbox_event where message_key = :key and sent_at is null")
                .param("key", key).query().singleRow();
        assertThat(parked.get("parked_at")).isNotNull();
        assertThat((String) parked.get("last_error")).contains("RecordTooLargeException");
        assertThat(relay.parked()).anySatisfy(row -> assertThat(row).doesNotContainKey("payload")
                .containsEntry("topic", TOPIC).containsKey("last_error"));
    }

    private OutboxEvent event(String key, String n) {
        return OutboxEvent.of(TOPIC, key, "fr.paris.casvp.guichet.test.v1", key, Instant.now(), "{\"n\":\"" + n + "\"}");
    }

    private int unsent(String... keys) {
        return jdbc.sql("select count(*) from outbox_event where sent_at is null and message_key in (:keys)")
                .param("keys", List.of(keys)).query(Integer.class).single();
    }

    /** Reads the topic from its beginning until {@code expected} records of these keys have come. */
    private List<ConsumerRecord<String, String>> consume(int expected, String... keys) {
        List<String> wanted = List.of(keys);
        List<ConsumerRecord<String, String>> records = Collections.synchronizedList(new ArrayList<>());
        try (Consumer<String, String> consumer = consumers.createConsumer("outbox-it-" + UUID.randomUUID(), null)) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (wanted.contains(record.key())) {
                        records.add(record);
                    }
                });
                return records.size() >= expected;
            });
        }
        assertThat(records).hasSize(expected);
        return records;
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> r.key().equals(key)).map(ConsumerRecord::value).collect(Collectors.toList());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
