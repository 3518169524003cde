package fr.paris.casvp.guichet.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * What every Guichet service must do, checked against the running service with its real PostgreSQL database and the
 * real Kafka broker. A service's integration test extends it, with {@code @SpringBootTest(webEnvironment =
 * RANDOM_PORT)} and {@link RealInfrastructure}.
 */
public abstract class ServiceConventionsTests {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @Autowired
    private Flyway flyway;

    @Autowired
    private JwtDecoder jwtDecoder;

    @Value("${spring.application.name}")
    private String applicationName;

    @Autowired
    private ProducerFactory<String, String> producerFactory;

    @Autowired
    private ConsumerFactory<String, String> consumerFactory;

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void flywayAppliedEveryMigrationToItsOwnDatabase() {
        MigrationInfoService migrations = flyway.info();
        assertThat(migrations.pending()).isEmpty();
        assertThat(migrations.applied()).allSatisfy(migration -> assertThat(migration.getState().isFailed()).isFalse());
        assertThat(jdbc.sql("select to_regclass('flyway_schema_history') is not null").query(Boolean.class).single()).isTrue();
    }

    @Test
    void readinessIsUpAndIncludesTheDatabase() {
        HttpResponse<String> response = Http.get(url("/actuator/health/readiness"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(response.body(), "$.status")).isEqualTo("UP");
        assertThat(JsonPath.<Map<String, Object>>read(response.body(), "$.components")).containsKey("db");
    }

    @Test
    void livenessIsUp() {
        HttpResponse<String> response = Http.get(url("/actuator/health/liveness"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(response.body(), "$.status")).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsAreExposed() {
        HttpResponse<String> response = Http.get(url("/actuator/prometheus"), TestTokens.supervisor());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void theBuildInfoSaysWhichApplicationAndVersionRuns() {
        HttpResponse<String> info = Http.get(url("/actuator/info"), TestTokens.supervisor());
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(info.body(), "$.build.artifact")).isEqualTo(applicationName);
        assertThat(JsonPath.<String>read(info.body(), "$.build.version")).isNotBlank();
    }

    @Test
    void openApiDescriptionIsServed() {
        HttpResponse<String> response = Http.get(url("/v3/api-docs"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(response.body(), "$.openapi")).startsWith("3.");
        // Every free text of a request or answer says how long it may be (the service refuses longer).
        List<Map<String, Object>> texts = JsonPath.read(response.body(),
                "$.components.schemas.*.properties.*[?(@.type == 'string' && !@.format && !@.enum)]");
        assertThat(texts).isNotEmpty().allSatisfy(text -> assertThat(text).containsKey("maxLength"));
    }

    @Test
    void anUnknownAddressIsAnsweredWithProblemDetails() {
        HttpResponse<String> response = Http.get(url("/api/no-such-resource"), TestTokens.agent13());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JsonPath.<String>read(response.body(), "$.type")).isEqualTo("urn:guichet:problem:not-found");
        assertThat(JsonPath.<Integer>read(response.body(), "$.status")).isEqualTo(404);
    }

    @Test
    void everyBadTokenIsRefusedWith401() {
        for (String token : List.of(TestTokens.expired(), TestTokens.ofAnotherIssuer(), TestTokens.forged(),
                TestTokens.tampered(), TestTokens.unsigned())) {
            HttpResponse<String> response = Http.get(url("/api/no-such-resource"), token);
            assertThat(response.statusCode()).as(token).isEqualTo(401);
            assertThat(JsonPath.<String>read(response.body(), "$.type")).isEqualTo("urn:guichet:problem:unauthenticated");
        }
        assertThat(Http.get(url("/api/no-such-resource")).statusCode()).as("no token").isEqualTo(401);
    }

    @Test
    void aTokenIsVerifiedOnceThenKeptButATamperedCopyOfItIsStillRefused() {
        assertThat(jwtDecoder.getClass().getSimpleName()).isEqualTo("VerifiedJwtDecoder");
        String token = TestTokens.agent13();
        for (int i = 0; i < 2; i++) {
            assertThat(Http.get(url("/api/no-such-resource"), token).statusCode()).isEqualTo(404);
        }

        HttpResponse<String> tampered = Http.get(url("/api/no-such-resource"), TestTokens.tampered(token));

        assertThat(tampered.statusCode()).isEqualTo(401);
    }

    @Test
    void answersCarrySecurityHeadersAndNoCorsPermission() {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(url("/api/no-such-resource")))
                .header("Authorization", "Bearer " + TestTokens.agent13()).header("Origin", "https://elsewhere.example").GET().build());
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void actuatorEndpointsOtherThanHealthAreForSupervisorsOnly() {
        assertThat(Http.get(url("/actuator/prometheus")).statusCode()).isEqualTo(401);
        HttpResponse<String> agent = Http.get(url("/actuator/prometheus"), TestTokens.agent13());
        assertThat(agent.statusCode()).isEqualTo(403);
        assertThat(JsonPath.<String>read(agent.body(), "$.type")).isEqualTo("urn:guichet:problem:forbidden");
    }

    @Test
    void kafkaClientsFollowTheConventionsOfTheDesign() {
        Map<String, Object> producer = producerFactory.getConfigurationProperties();
        assertThat(producer).containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all");
        Map<String, Object> consumer = consumerFactory.getConfigurationProperties();
        assertThat(consumer).containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }

    @Test
    void aMessageProducedWithItsProducerIsConsumedWithItsConsumer() throws Exception {
        String topic = "conventions-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        kafka.send(topic, key, "{\"hello\":\"guichet\"}").get(30, TimeUnit.SECONDS);

        try (Consumer<String, String> consumer = consumerFactory.createConsumer("conventions-" + key, null)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                assertThat(records.records(topic)).anySatisfy(record -> {
                    assertThat(record.key()).isEqualTo(key);
                    assertThat(record.value()).isEqualTo("{\"hello\":\"guichet\"}");
                });
            });
        }
    }
}
