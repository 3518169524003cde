package fr.paris.casvp.guichet.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.paris.casvp.guichet.contracts.benefit.Benefit;
import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kafka as a security boundary, on the broker of {@code ./guichet up} with the principals and ACLs of
 * {@code deploy/kafka/access.yaml}: whoever reaches the broker without credentials, with a wrong password, or as a
 * principal that does not own a topic, cannot write it; a partner reads only its own orders. The benefits' principals
 * and topics are the declared ones (platform/contracts): every benefit's queue, receipts and anchors are checked.
 */
@ExtendWith(RunningSuite.class)
class KafkaAccessIT {

    private static final String CONFIRMATION = """
            {"orderId":"%s","reference":"AE-2026-000001","status":"FAILED","reason":"forged","settledAt":"2031-01-01T00:00:00Z"}
            """.formatted(UUID.randomUUID());

    /** Every declared benefit's service: each a principal of its own. */
    private static final List<String> BENEFIT_SERVICES = Benefits.all().stream().map(Benefit::service).toList();

    private static LocalSuite suite;

    @BeforeAll
    static void suite() {
        suite = RunningSuite.suite();
    }

    @Test
    void aClientWithoutCredentialsCannotConfirmAPayment() {
        Map<String, Object> anonymous = new HashMap<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                suite.kafkaBootstrapServers()));

        // The broker closes a connection that does not begin with SASL: the client never learns the topic's partitions.
        assertThatThrownBy(() -> send(anonymous, "payment-confirmations.v1", "treasury", CONFIRMATION))
                .isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> impostor = suite.kafkaClient("treasury");
        impostor.put(SaslConfigs.SASL_JAAS_CONFIG,
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"treasury\" password=\"guess\";");

        assertThatThrownBy(() -> send(impostor, "payment-confirmations.v1", "treasury", CONFIRMATION))
                .isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void onlyTheRegistryWritesSnapshotsAndTombstones() throws Exception {
        String beneficiary = UUID.randomUUID().toString();
        String forged = "{\"id\":\"" + beneficiary + "\",\"version\":999}";

        for (String principal : and(BENEFIT_SERVICES, "gateway", "treasury")) {
            assertThatThrownBy(() -> send(suite.kafkaClient(principal), "beneficiaries.v1", beneficiary, forged))
                    .as("a snapshot forged by %s", principal).isInstanceOf(TopicAuthorizationException.class);
            assertThatThrownBy(() -> send(suite.kafkaClient(principal), "beneficiaries.v1", beneficiary, null))
                    .as("a tombstone forged by %s", principal).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void onlyTheTreasuryConfirmsPayments() throws Exception {
        for (String principal : and(BENEFIT_SERVICES, "gateway", "transport-operator")) {
            assertThatThrownBy(() -> send(suite.kafkaClient(principal), "payment-confirmations.v1", "treasury", CONFIRMATION))
                    .as(principal).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    /** Each declared benefit's queue: not by a partner, the registry, or any benefit's service, its own included. */
    @Test
    void onlyTheGatewayQueuesCommands() {
        for (String benefit : Benefits.codes()) {
            for (String principal : and(BENEFIT_SERVICES, "treasury", "beneficiary-service")) {
                assertThatThrownBy(() -> send(suite.kafkaClient(principal), "intake." + benefit + ".v1", "key", "{}"))
                        .as("%s's queue written by %s", benefit, principal).isInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    /**
     * Issue #33: transport-service's credentials wrote an aid receipt on receipts.v1 and the gateway served it at once;
     * any of four services could write another's audit anchor. Each writes its own topics only.
     */
    @Test
    void aServiceWritesItsOwnReceiptsAndAuditAnchorsOnly() throws Exception {
        String number = "K7QD-2M9A-AAAA";
        for (Benefit benefit : Benefits.all()) {
            String forged = "{\"number\":\"" + number + "\",\"benefit\":\"" + benefit.code() + "\",\"status\":\"REJECTED\"}";
            List<String> others = BENEFIT_SERVICES.stream().filter(service -> !service.equals(benefit.service())).toList();
            for (String principal : and(others, "beneficiary-service", "notice-service")) {
                assertThatThrownBy(() -> send(suite.kafkaClient(principal), "receipts." + benefit.code() + ".v1", number, forged))
                        .as("a receipt of %s written by %s", benefit.code(), principal).isInstanceOf(TopicAuthorizationException.class);
                assertThatThrownBy(() -> send(suite.kafkaClient(principal), "audit-anchors." + benefit.database() + ".v1",
                        benefit.service() + "/" + benefit.database(), "{}"))
                        .as("the anchor of %s written by %s", benefit.service(), principal).isInstanceOf(TopicAuthorizationException.class);
            }
        }
        String forged = "{\"number\":\"" + number + "\",\"benefit\":\"aid\",\"status\":\"REJECTED\"}";
        for (String principal : BENEFIT_SERVICES) {
            assertThatThrownBy(() -> send(suite.kafkaClient(principal), "receipts.v1", number, forged))
                    .as("the gateway's receipts written by %s", principal).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void theIbansOfThePaymentOrdersAreReadByTheTreasuryAlone() {
        assertThat(read("treasury", "payment-orders.v1")).as("the treasury reads its orders").isTrue();
        for (String principal : List.of("transport-operator", "gateway", "beneficiary-service")) {
            assertThatThrownBy(() -> read(principal, "payment-orders.v1")).as(principal)
                    .isInstanceOf(TopicAuthorizationException.class);
        }
        assertThatThrownBy(() -> read("treasury", "beneficiaries.v1")).isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aPartnerReadsTheDeadLettersOfTheTopicItWritesAndNoOthers() {
        assertThat(read("treasury", "payment-confirmations.v1.dlt")).as("its own records Guichet refused").isTrue();
        assertThat(read("transport-operator", "transport.pass-confirmations.v1.dlt")).isTrue();
        assertThatThrownBy(() -> read("treasury", "transport.pass-confirmations.v1.dlt")).isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> read("transport-operator", "payment-confirmations.v1.dlt"))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> read("treasury", "beneficiaries.v1.dlt")).isInstanceOf(TopicAuthorizationException.class);
    }

    private static List<String> and(List<String> principals, String... more) {
        return Stream.concat(principals.stream(), Stream.of(more)).toList();
    }

    private static void send(Map<String, Object> client, String topic, String key, String value) throws Exception {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    /** Polls the topic once as the principal, in a group of its own: true when the broker let it. */
    private static boolean read(String principal, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(suite.kafkaClient(principal, Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, principal + "-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            consumer.poll(Duration.ofSeconds(5));
            return true;
        }
    }
}
