package fr.paris.casvp.guichet.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.paris.casvp.guichet.messaging.consumer.DeadLetterReplayer;
import fr.paris.casvp.guichet.messaging.consumer.IdempotentConsumer;
import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/** Real Kafka and PostgreSQL: a redelivered event is applied once; a failed one is dead-lettered, then replayed. */
@SpringBootTest
@RealInfrastructure(database = "messaging")
class IdempotentConsumerIT {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    MessagingTestApplication.PaymentListener payments;

    @Autowired
    DeadLetterReplayer replayer;

    @Autowired
    MeterRegistry meters;

    @Autowired
    IdempotentConsumer consumer;

    @Autowired
    JdbcClient jdbc;

    /** Issue #33: the records of processed events were never purged; those older than the retention now are. */
    @Test
    void theRecordsOfEventsProcessedLongAgoArePurgedAndRecentOnesKept() {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        jdbc.sql("""
                        insert into processed_event (consumer, event_id, topic, processed_at)
                        values ('test', :id, 't', now() - interval '200 days')
                        """).param("id", old).update();
        jdbc.sql("insert into processed_event (consumer, event_id, topic) values ('test', :id, 't')").param("id", recent).update();

        assertThat(consumer.purgeOlderThan(Duration.ofDays(180))).isPositive();

        assertThat(jdbc.sql("select event_id from processed_event where event_id in (:ids)").param("ids", List.of(old, recent))
                .query(String.class).list()).containsExactly(recent);
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() throws Exception {
        String order = "order-" + UUID.randomUUID();
        payments.knownOrders.add(order);
        String eventId = UUID.randomUUID().toString();

        send(order, eventId);
        send(order, eventId);
        String marker = "order-" + UUID.randomUUID();
        payments.knownOrders.add(marker);
        send(marker, UUID.randomUUID().toString());

        // Same key, same partition: once the marker is applied, both copies have been consumed.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(payments.confirmations(marker)).isEqualTo(1));
        assertThat(payments.confirmations(order)).isEqualTo(1);
    }

    @Test
    void aRecordWithoutEventIdIsDeadLetteredAtOnceAndThePartitionMovesOn() throws Exception {
        double before = deadLettered();
        String order = "order-" + UUID.randomUUID();
        payments.knownOrders.add(order);
        kafka.send(MessagingTestApplication.PAYMENTS, "same-key", "no-id").get(30, TimeUnit.SECONDS);
        send(order, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(payments.confirmations(order)).isEqualTo(1));
        assertThat(deadLettered()).isEqualTo(before + 1);
    }

    @Test
    void aDeadLetterReplayedOnceItsCauseIsFixedIsAppliedOnce() throws Exception {
        String refunds = MessagingTestApplication.REFUNDS;
        // Another service's dead letter of the same topic, in the same dead-letter topic: neither counted nor replayed here.
        ProducerRecord<String, String> others = new ProducerRecord<>(refunds + ".dlt", "same-key", "order-of-another-service");
        others.headers().add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, "another-service".getBytes(StandardCharsets.UTF_8));
        others.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, refunds.getBytes(StandardCharsets.UTF_8));
        kafka.send(others).get(30, TimeUnit.SECONDS);
        String order = "order-" + UUID.randomUUID();
        send(refunds, order, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(replayer.pending()).containsEntry(refunds, 1L));
        assertThat(payments.confirmations(order)).isZero();

        payments.knownOrders.add(order);

        assertThat(replayer.replay(refunds)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(payments.confirmations(order)).isEqualTo(1));
        assertThat(replayer.replay(refunds)).as("each dead letter is replayed once").isZero();
        assertThat(replayer.pending()).doesNotContainKey(refunds);
    }

    private void send(String order, String eventId) throws Exception {
        send(MessagingTestApplication.PAYMENTS, order, eventId);
    }

    private void send(String topic, String order, String eventId) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, "same-key", order);
        record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get(30, TimeUnit.SECONDS);
    }

    private double deadLettered() {
        return meters.counter("guichet.messaging.dead.lettered", "topic", MessagingTestApplication.PAYMENTS).count();
    }
}
