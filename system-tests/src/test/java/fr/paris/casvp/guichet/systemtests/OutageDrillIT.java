package fr.paris.casvp.guichet.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The drill of issue #2, on the real suite: every component a separate process started by {@code ./guichet up}. One
 * benefit's service stops; the status board says so, the other benefits keep answering; it starts again without
 * anything else being restarted.
 */
@ExtendWith(RunningSuite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutageDrillIT {

    /** The registry and every declared benefit, as the status board names them. */
    private static final List<String> SERVICES = Stream.concat(Stream.of("beneficiaries"), Benefits.codes().stream()).toList();
    private static final List<String> COMPONENTS = Stream.of(Stream.of("postgres", "kafka", "issuer", "mail", "beneficiary-service"),
            Benefits.all().stream().map(benefit -> benefit.service()), Stream.of("notice-service", "gateway")).flatMap(s -> s).toList();
    private static LocalSuite suite;

    private static GatewayClient gateway;

    @BeforeAll
    static void suite() {
        suite = RunningSuite.suite();
        gateway = new GatewayClient(suite);
    }

    @Test
    @Order(1)
    void everyServiceIsUpOnTheStatusBoard() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String board = get("/api/status").body();
            for (String service : SERVICES) {
                assertThat(field(board, service, "status")).as(service).isEqualTo("UP");
            }
        });
    }

    @Test
    @Order(2)
    void aSnapshotFromTheRegistryTopicReachesEveryBenefitServiceThroughTheRealBroker() throws Exception {
        String id = UUID.randomUUID().toString();
        // Signed in as the registry: the only principal that may write snapshots.
        Map<String, Object> config = suite.kafkaClient("beneficiary-service", Map.of(ProducerConfig.ACKS_CONFIG, "all"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            // As the registry publishes it: a snapshot valid against its schema, with its event id and type.
            ProducerRecord<String, String> snapshot = new ProducerRecord<>("beneficiaries.v1", id, """
                    {"id":"%s","fileNumber":"B-2026-000001","version":1,"updatedAt":"2026-12-01T09:00:00Z",
                     "situation":{"identity":{"lastName":"Relais","firstNames":"Jeanne","birthDate":"1950-06-01","sex":"F"},
                                  "parisResidence":[],"disabilityEvidence":[],"nationalBenefits":[],"monthlyResources":[],
                                  "incomeTax":[],"warVeteran":false,"section":"13"}}
                    """.formatted(id));
            snapshot.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            snapshot.headers().add("ce_type", "fr.paris.casvp.guichet.beneficiary.snapshot.v1".getBytes(StandardCharsets.UTF_8));
            producer.send(snapshot).get(30, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (String benefit : Benefits.codes()) {
                HttpResponse<String> replica = get("/api/" + benefit + "/replica");
                assertThat(replica.statusCode()).as(benefit).isEqualTo(200);
                assertThat(JsonPath.<Integer>read(replica.body(), "$.beneficiaries")).as(benefit).isPositive();
            }
        });
    }

    @Test
    @Order(3)
    void stoppingTransportDegradesTransportOnlyAndStartingItRestartsNothingElse() {
        Map<String, String> pidsBefore = pids();
        List<String> others = Benefits.codes().stream().filter(benefit -> !benefit.equals("transport")).toList();

        assertThat(suite.guichet("stop", "transport-service")).isZero();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String board = get("/api/status").body();
            assertThat(field(board, "transport", "status")).isEqualTo("DOWN");
            for (String benefit : others) {
                assertThat(field(board, benefit, "status")).as(benefit).isEqualTo("UP");
            }
        });
        HttpResponse<String> transport = get("/api/transport/replica");
        assertThat(transport.statusCode()).isEqualTo(503);
        assertThat(JsonPath.<String>read(transport.body(), "$.service")).isEqualTo("transport");
        for (String benefit : others) {
            assertThat(get("/api/" + benefit + "/replica").statusCode()).as(benefit).isEqualTo(200);
        }

        assertThat(suite.guichet("start", "transport-service")).as(suite.output()).isZero();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(field(get("/api/status").body(), "transport", "status")).isEqualTo("UP");
            assertThat(get("/api/transport/replica").statusCode()).isEqualTo(200);
        });
        Map<String, String> pidsAfter = pids();
        for (String component : COMPONENTS) {
            if (!component.equals("transport-service")) {
                assertThat(pidsAfter.get(component)).as(component + " was not restarted").isEqualTo(pidsBefore.get(component));
            }
        }
        assertThat(pidsAfter.get("transport-service")).isNotEqualTo(pidsBefore.get("transport-service"));
    }

    private static Map<String, String> pids() {
        return COMPONENTS.stream().collect(java.util.stream.Collectors.toMap(c -> c,
                c -> suite.pid(c).orElseThrow(() -> new AssertionError(c + " is not running"))));
    }

    private static String field(String board, String service, String field) {
        List<String> values = JsonPath.read(board, "$.services[?(@.name == '" + service + "')]." + field);
        assertThat(values).as("%s on the status board %s", service, board).hasSize(1);
        return values.get(0);
    }

    private static HttpResponse<String> get(String path) {
        return gateway.get(path);
    }
}
