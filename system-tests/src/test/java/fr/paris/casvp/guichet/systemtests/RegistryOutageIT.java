package fr.paris.casvp.guichet.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import fr.paris.casvp.guichet.contracts.benefit.Benefit;
import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #3's drills on the suite as processes: benefits keep working from their replica while the registry is down,
 * and registrations made while Kafka is down reach them, in order, when it returns.
 */
@ExtendWith(RunningSuite.class)
class RegistryOutageIT {

    private static LocalSuite suite;
    private static GatewayClient gateway;

    /** The NIR of each beneficiary registered here: a change sends the whole situation again. */
    private final Map<String, String> nirs = new HashMap<>();

    @BeforeAll
    static void suite() {
        suite = RunningSuite.suite();
        gateway = new GatewayClient(suite);
    }

    @Test
    void withTheRegistryStoppedABenefitStillFindsABeneficiaryAndItsLatestDataAndLaterEditsReachIt() {
        String id = register("Registre-Arrete", "75013");
        HttpResponse<String> changed = gateway.put("/api/beneficiaries/" + id, UUID.randomUUID(),
                Registrations.situation("Registre-Arrete", "75014", nirs.get(id)));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Benefits.all().forEach(benefit ->
                assertThat(version(benefit, id)).as(benefit.code()).isEqualTo(2)));

        assertThat(suite.guichet("stop", "beneficiary-service")).isZero();
        try {
            for (Benefit benefit : Benefits.all()) {
                // Every declared benefit, from its own copy of the registry.
                HttpResponse<String> fromReplica = gateway.get(benefit.apiPath() + "/beneficiaries/" + id);
                assertThat(fromReplica.statusCode()).as(benefit.code()).isEqualTo(200);
                assertThat(JsonPath.<String>read(fromReplica.body(), "$.situation.address.postcode")).as(benefit.code()).isEqualTo("75014");
            }
            assertThat(gateway.get("/api/beneficiaries/" + id).statusCode()).isEqualTo(503);
        } finally {
            assertThat(suite.guichet("start", "beneficiary-service")).as(suite.output()).isZero();
        }
        // The gateway's own probe (every 500 ms) brings the registry back; no agent's request is spent finding out.
        await().atMost(Duration.ofSeconds(10)).until(() -> JsonPath.<List<String>>read(gateway.get("/api/status").body(),
                "$.services[?(@.name == 'beneficiaries')].availability").contains("AVAILABLE"));

        HttpResponse<String> edited = gateway.put("/api/beneficiaries/" + id, UUID.randomUUID(),
                Registrations.situation("Registre-Arrete", "75015", nirs.get(id)));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(JsonPath.<String>read(
                gateway.get("/api/transport/beneficiaries/" + id).body(), "$.situation.address.postcode")).isEqualTo("75015"));
    }

    @Test
    void registrationsMadeWhileKafkaIsDownAreNotLostAndArriveInOrder() throws Exception {
        assertThat(suite.guichet("stop", "kafka")).isZero();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                String id = register("Kafka-Arrete-" + (char) ('A' + i), "75013");
                ids.add(id);
                for (String postcode : List.of("75014", "75015")) {
                    HttpResponse<String> changed = gateway.put("/api/beneficiaries/" + id, UUID.randomUUID(),
                            Registrations.situation("Kafka-Arrete-" + (char) ('A' + i), postcode, nirs.get(id)));
                    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
                }
            }
        } finally {
            assertThat(suite.guichet("start", "kafka")).as(suite.output()).isZero();
        }

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            for (String id : ids) {
                assertThat(aidVersion(id)).as(id).isEqualTo(3);
            }
        });
        Map<String, List<Integer>> versions = publishedVersions(ids);
        for (String id : ids) {
            assertThat(versions.get(id)).as("versions of %s in the order of the topic", id).containsExactly(1, 2, 3);
        }
    }

    private String register(String lastName, String postcode) {
        HttpResponse<String> created = gateway.post("/api/beneficiaries", UUID.randomUUID(), Registrations.of(lastName, postcode));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JsonPath.read(created.body(), "$.id");
        nirs.put(id, JsonPath.read(created.body(), "$.situation.identity.nir"));
        return id;
    }

    private Integer aidVersion(String id) {
        return version(Benefits.of("aid"), id);
    }

    /** The version of the person's snapshot in the benefit's copy of the registry; null when it holds none. */
    private Integer version(Benefit benefit, String id) {
        HttpResponse<String> response = gateway.get(benefit.apiPath() + "/beneficiaries/" + id);
        return response.statusCode() == 200 ? JsonPath.read(response.body(), "$.version") : null;
    }

    /** The versions of these beneficiaries' snapshots in the order the topic holds them. */
    private Map<String, List<Integer>> publishedVersions(List<String> ids) {
        Map<String, List<Integer>> versions = new HashMap<>();
        // Read as the broker's administrator: no service or partner reads the snapshots but the benefit services.
        Map<String, Object> config = suite.kafkaClient("admin", Map.of(ConsumerConfig.GROUP_ID_CONFIG,
                "system-test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("beneficiaries.v1"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (ids.contains(r.key()) && r.value() != null) {
                        versions.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(JsonPath.read(r.value(), "$.version"));
                    }
                });
                return ids.stream().allMatch(id -> versions.getOrDefault(id, List.of()).size() >= 3);
            });
        }
        return versions;
    }
}
