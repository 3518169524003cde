package fr.paris.casvp.guichet.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.paris.casvp.guichet.testsupport.SharedInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A partner's loop against a real broker: a session that fails does not end it. The failure here is the group left
 * under the loop's feet by an answer slower than {@code max.poll.interval.ms} (as a slow back office would), so that the
 * commit that follows is refused; a broker away longer than the client waits ends a session the same way. The loop
 * opens a new session, answers again what it had not committed, and goes on answering.
 */
class ResponderIT {

    private static final String BROKER = SharedInfrastructure.get().kafkaBootstrapServers();
    private static final JsonMapper JSON = PartnerSimulators.json();

    @Test
    void aFailedSessionIsOpenedAgainFromTheCommittedOffsetsAndTheLoopGoesOnAnswering() throws Exception {
        String suffix = UUID.randomUUID().toString();
        Partner.Route route = new Partner.Route("partner-" + suffix, "orders-" + suffix, "answers-" + suffix, "test.answer.v1");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", BROKER))) {
            admin.createTopics(List.of(new NewTopic(route.orders(), 3, (short) 1), new NewTopic(route.answers(), 1, (short) 1))).all().get();
        }
        AtomicBoolean slowOnce = new AtomicBoolean(true);
        Partner slowBackOffice = new Partner() {
            @Override
            public Route route() {
                return route;
            }

            @Override
            public ObjectNode answer(JsonNode order, Instant now) {
                if (slowOnce.getAndSet(false)) {
                    sleep(Duration.ofSeconds(4));
                }
                return JSON.createObjectNode().put("orderId", order.path("orderId").asString()).put("status", "DONE");
            }
        };
        // The group is left when the loop has not polled for a second; the heartbeat thread sees it within half of one.
        Responder responder = new Responder(slowBackOffice, Map.of("bootstrap.servers", BROKER, "client.id", "partner-" + suffix,
                "max.poll.interval.ms", 1000, "heartbeat.interval.ms", 500), JSON, Clock.systemUTC());
        Thread loop = new Thread(responder, "responder-" + suffix);
        loop.start();
        try (KafkaProducer<String, String> guichet = new KafkaProducer<>(Map.of("bootstrap.servers", BROKER),
                new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> answers = new KafkaConsumer<>(Map.of("bootstrap.servers", BROKER,
                     ConsumerConfig.GROUP_ID_CONFIG, "reader-" + suffix, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                     new StringDeserializer(), new StringDeserializer())) {
            answers.subscribe(List.of(route.answers()));
            await().atMost(Duration.ofSeconds(60)).until(responder::ready);

            order(guichet, route, "slow");
            order(guichet, route, "after-the-slow-one");
            List<String> answered = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                read(answers, answered);
                // Answered twice: the first answer's commit was refused, and the order read again from the committed offset.
                assertThat(answered).as("answers so far").filteredOn("slow"::equals).hasSizeGreaterThanOrEqualTo(2);
                assertThat(answered).contains("after-the-slow-one");
            });

            // The loop is still there: a new order is answered.
            order(guichet, route, "later");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                read(answers, answered);
                assertThat(answered).as("answers so far").contains("later");
            });
            assertThat(responder.ready()).isTrue();
            assertThat(loop.isAlive()).isTrue();
        } finally {
            responder.stop();
            loop.join(10_000);
        }
        assertThat(loop.isAlive()).as("stopped on request").isFalse();
    }

    private static void order(KafkaProducer<String, String> producer, Partner.Route route, String orderId) throws Exception {
        producer.send(new ProducerRecord<>(route.orders(), "P-1", "{\"orderId\":\"" + orderId + "\"}")).get();
    }

    private static void read(KafkaConsumer<String, String> answers, List<String> answered) {
        for (ConsumerRecord<String, String> answer : answers.poll(Duration.ofMillis(200))) {
            answered.add(JSON.readTree(answer.value()).path("orderId").asString());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
