package fr.paris.casvp.guichet.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.paris.casvp.guichet.messaging.outbox.Outbox;
import fr.paris.casvp.guichet.messaging.outbox.OutboxEvent;
import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import fr.paris.casvp.guichet.testsupport.SharedInfrastructure;
import fr.paris.casvp.guichet.testsupport.TcpProxy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events written while the broker cannot be reached wait in the outbox, and are published, in order, when it can.
 * The service reaches the broker only through a proxy that is closed (connections refused) until the events are
 * written.
 */
// Start-up does not wait long for the unreachable broker's topics.
@SpringBootTest(properties = "spring.kafka.admin.operation-timeout=3s")
@RealInfrastructure(database = "messaging_broker_down", kafka = false)
class OutboxBrokerDownIT {

    private static final String BROKER = SharedInfrastructure.get().kafkaBootstrapServers();
    private static final TcpProxy proxy = new TcpProxy(BROKER.substring(0, BROKER.lastIndexOf(':')),
            Integer.parseInt(BROKER.substring(BROKER.lastIndexOf(':') + 1)));

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void brokerBehindTheClosedProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + proxy.port());
    }

    @AfterAll
    static void closeProxy() {
        proxy.close();
    }

    @Test
    void eventsWrittenWhileTheBrokerIsDownArePublishedInOrderWhenItReturns() {
        String evenKey = "even-" + UUID.randomUUID();
        String oddKey = "odd-" + UUID.randomUUID();
        for (int i = 1; i <= 20; i++) {
            String key = i % 2 == 0 ? evenKey : oddKey;
            int n = i;
            transactions.executeWithoutResult(status -> outbox.add(OutboxEvent.of(MessagingTestApplication.EVENTS,
                    key, "fr.paris.casvp.guichet.test.v1", null, Instant.now(), "{\"n\":" + n + "}")));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(meters.get("guichet.outbox.unsent").gauge().value()).isEqualTo(20.0);
            assertThat(meters.get("guichet.outbox.oldest.unsent.age").gauge().value()).isPositive();
            // The failed rounds are recorded (committed), not rolled back with the failure.
            assertThat(jdbc.sql("select coalesce(max(attempts), 0) from outbox_event where message_key in (:keys) and last_error is not null")
                    .param("keys", List.of(evenKey, oddKey)).query(Integer.class).single()).isPositive();
        });

        proxy.open();

        List<String> even = new ArrayList<>();
        List<String> odd = new ArrayList<>();
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER,
                ConsumerConfig.GROUP_ID_CONFIG, "broker-down-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(MessagingTestApplication.EVENTS));
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (r.key().equals(evenKey)) {
                        even.add(r.value());
                    } else if (r.key().equals(oddKey)) {
                        odd.add(r.value());
                    }
                });
                return even.size() + odd.size() >= 20;
            });
        }
        assertThat(even).extracting(v -> Integer.parseInt(v.replaceAll("\\D", ""))).containsExactly(2, 4, 6, 8, 10, 12, 14, 16, 18, 20);
        assertThat(odd).extracting(v -> Integer.parseInt(v.replaceAll("\\D", ""))).containsExactly(1, 3, 5, 7, 9, 11, 13, 15, 17, 19);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(meters.get("guichet.outbox.unsent").gauge().value()).isZero());
    }
}
