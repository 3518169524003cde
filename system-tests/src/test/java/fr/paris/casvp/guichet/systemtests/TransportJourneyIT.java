package fr.paris.casvp.guichet.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #7 end to end, through the gateway with the suite as processes: request a Navigo pass, decide it, see the pass
 * order on Kafka as the transport operator does; the local run's operator (partner-simulators) loads it with no one's
 * help, and the pass is active once.
 */
@ExtendWith(RunningSuite.class)
@Order(3)
class TransportJourneyIT {

    private static LocalSuite suite;

    @BeforeAll
    static void suite() {
        suite = RunningSuite.suite();
    }

    @Test
    void requestDecideSeeTheOrderLoadedByTheOperatorAndThePassIsActive() throws Exception {
        GatewayClient agent = new GatewayClient(suite, "agent13");
        GatewayClient director = new GatewayClient(suite, "directeur13");
        HttpResponse<String> registered = agent.post("/api/beneficiaries", UUID.randomUUID(), """
                {"situation": {"identity": {"lastName": "Navigo-Parcours", "firstNames": "Jeanne", "birthDate": "1950-06-01",
                               "sex": "F", "nir": "%s"},
                 "address": {"line1": "12 rue de la Glacière", "postcode": "75013", "city": "Paris"},
                 "parisResidence": [{"from": "2015-03-01"}], "incomeTax": [{"taxYear": 2025, "amount": 0}], "section": "13"},
                 "confirmedHomonym": true}
                """.formatted(Registrations.nir()));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String person = JsonPath.read(registered.body(), "$.id");
        await().atMost(Duration.ofSeconds(60)).until(() -> agent.get("/api/transport/beneficiaries/" + person).statusCode() == 200);

        HttpResponse<String> requested = agent.post("/api/transport/passes", UUID.randomUUID(),
                "{\"beneficiaryId\":\"" + person + "\",\"navigoCardNumber\":\"4455667788\",\"zones\":\"1-5\"}");
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
        String id = JsonPath.read(requested.body(), "$.id");
        HttpResponse<String> granted = director.post("/api/transport/passes/" + id + "/decision", UUID.randomUUID(), "{\"outcome\":\"GRANTED\"}");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        String number = JsonPath.read(granted.body(), "$.number");

        ConsumerRecord<String, String> order = passOrder(number);
        assertThat(JsonPath.<String>read(order.value(), "$.product")).isEqualTo("PASS_PARIS_SENIORS");
        assertThat(JsonPath.<String>read(order.value(), "$.navigoCardNumber")).isEqualTo("4455667788");
        assertThat(order.value()).doesNotContain(person).doesNotContain("Navigo-Parcours");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "ACTIVE".equals(JsonPath.read(agent.get("/api/transport/passes/" + id).body(), "$.status")));
        assertThat(JsonPath.<List<String>>read(agent.get("/api/transport/passes/" + id).body(), "$.history[*].transition"))
                .containsExactly("REQUESTED", "GRANTED", "ORDERED", "ACTIVATED");
    }

    private static ConsumerRecord<String, String> passOrder(String number) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(suite.kafkaClient("transport-operator", Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "transport-operator-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("transport.pass-orders.v1"));
            @SuppressWarnings("unchecked")
            ConsumerRecord<String, String>[] found = new ConsumerRecord[1];
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (r.value() != null && r.value().contains("\"" + number + "\"")) {
                        found[0] = r;
                    }
                });
                return found[0] != null;
            });
            return found[0];
        }
    }
}
