package fr.paris.casvp.guichet.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import fr.paris.casvp.guichet.contracts.EventSchemas;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Issue #19: what the running suite writes on Kafka is what {@code docs/asyncapi.yaml} says. After a person registered,
 * an aid granted and paid, a pass granted and loaded (by the local partners), every record of every topic of the
 * document is read from the broker, as its administrator: its {@code ce_type} is one the document lists for its topic,
 * its key matches the document's key, its value is valid against the published schema, its CloudEvents headers are
 * there. A record that is not (other tests write some on purpose, as a faulty partner would) must have been refused by
 * the services that read it: on the topic's dead letters with a {@code guichet_rejection_reason}.
 */
@ExtendWith(RunningSuite.class)
@Order(5)
class ContractOnTheWireIT {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static LocalSuite suite;

    @BeforeAll
    static void suite() {
        suite = RunningSuite.suite();
    }

    @Test
    void everyRecordOnEveryTopicIsAsTheDocumentSays() throws Exception {
        journeys();
        JsonNode document = YAML.readTree(Path.of("../docs/asyncapi.yaml").toFile());
        List<String> mismatches = new ArrayList<>();
        Map<String, Integer> counted = new TreeMap<>();
        int refused = 0;
        for (JsonNode channel : document.get("channels")) {
            String topic = channel.get("address").asString();
            if (topic.contains("{")) {
                continue;
            }
            Set<String> types = new HashSet<>();
            List<Pattern> keys = new ArrayList<>();
            channel.get("messages").forEach(reference -> {
                JsonNode message = document.at(reference.get("$ref").asString().substring(1));
                message.at("/headers/allOf/1/properties/ce_type/enum").forEach(type -> types.add(type.asString()));
                JsonNode pattern = message.at("/bindings/kafka/key/pattern");
                keys.add(pattern.isMissingNode() ? Pattern.compile(".+") : Pattern.compile(pattern.asString()));
            });
            Set<String> refusals = refusals(topic);
            for (ConsumerRecord<String, String> record : everything(topic)) {
                counted.merge(topic, 1, Integer::sum);
                String where = topic + "-" + record.partition() + "@" + record.offset();
                List<String> problems = problems(record, types, keys);
                if (!problems.isEmpty() && refusals.contains(where)) {
                    refused++;
                } else {
                    problems.forEach(problem -> mismatches.add(where + ": " + problem));
                }
            }
        }
        assertThat(mismatches).as("records that are not as docs/asyncapi.yaml says, and were not refused").isEmpty();
        System.out.printf("ContractOnTheWireIT: %s records as documented, %d refused as they should%n", counted, refused);
        // The local treasury answers in version 2 of the payment contract; Guichet writes its orders in both.
        assertThat(counted).as("records read, by topic").containsKeys("beneficiaries.v1", "aid.events.v1", "payment-orders.v1",
                "payment-orders.v2", "payment-confirmations.v2", "transport.events.v1", "transport.pass-orders.v1",
                "transport.pass-confirmations.v1");
    }

    private static List<String> problems(ConsumerRecord<String, String> record, Set<String> types, List<Pattern> keys) {
        List<String> problems = new ArrayList<>();
        String type = header(record, "ce_type");
        if (type == null || !types.contains(type)) {
            return List.of("ce_type " + type + " is not in the document");
        }
        for (String required : List.of("ce_id", "ce_source", "ce_specversion")) {
            if (header(record, required) == null) {
                problems.add("no " + required);
            }
        }
        if (record.key() == null || keys.stream().noneMatch(p -> p.matcher(record.key()).matches())) {
            problems.add("key " + record.key() + " does not match the document's");
        }
        if (record.value() != null) {
            problems.addAll(EventSchemas.inboundViolations(type, record.value()));
        }
        return problems;
    }

    /** Where the records of {@code topic} that a service refused were: {@code topic-partition@offset}. */
    private static Set<String> refusals(String topic) {
        Set<String> refused = new HashSet<>();
        for (ConsumerRecord<String, String> deadLetter : everything(topic + ".dlt")) {
            Header partition = deadLetter.headers().lastHeader("kafka_dlt-original-partition");
            Header offset = deadLetter.headers().lastHeader("kafka_dlt-original-offset");
            if (header(deadLetter, "guichet_rejection_reason") != null && partition != null && offset != null) {
                refused.add(topic + "-" + ByteBuffer.wrap(partition.value()).getInt() + "@" + ByteBuffer.wrap(offset.value()).getLong());
            }
        }
        return refused;
    }

    /** A person registered, an aid paid and a pass loaded, through the gateway and the local partners. */
    private static void journeys() throws Exception {
        GatewayClient agent = new GatewayClient(suite, "agent13");
        GatewayClient director = new GatewayClient(suite, "directeur13");
        // Its income tax recorded too: a Navigo pass is decided on it.
        HttpResponse<String> registered = agent.post("/api/beneficiaries", UUID.randomUUID(), Registrations.of("Contrat", "75013")
                .replace("\"section\":\"13\"", "\"incomeTax\":[{\"taxYear\":2025,\"amount\":0}],\"section\":\"13\""));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String person = JsonPath.read(registered.body(), "$.id");
        await().atMost(Duration.ofSeconds(60)).until(() -> agent.get("/api/aid/beneficiaries/" + person).statusCode() == 200
                && agent.get("/api/transport/beneficiaries/" + person).statusCode() == 200);

        HttpResponse<String> filed = agent.post("/api/aid/applications", UUID.randomUUID(), """
                {"beneficiaryId":"%s","category":"ENERGY","requestedAmount":250,"reason":"Facture d'électricité",
                 "payee":{"kind":"CREDITOR","accountHolder":"EDF","iban":"FR76 3000 6000 0112 3456 7890 189"}}
                """.formatted(person));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String aid = JsonPath.read(filed.body(), "$.id");
        HttpResponse<String> examined = new GatewayClient(suite, "travailleur13").post("/api/aid/applications/" + aid + "/examination",
                UUID.randomUUID(), "{\"assessment\":\"Facture impayée.\",\"proposedAmount\":250}");
        assertThat(examined.statusCode()).as(examined.body()).isEqualTo(200);
        HttpResponse<String> granted = director.post("/api/aid/applications/" + aid + "/decision", UUID.randomUUID(),
                "{\"outcome\":\"GRANTED\",\"amount\":250}");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);

        HttpResponse<String> requested = agent.post("/api/transport/passes", UUID.randomUUID(),
                "{\"beneficiaryId\":\"" + person + "\",\"navigoCardNumber\":\"5566778899\",\"zones\":\"1-5\"}");
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
        String pass = JsonPath.read(requested.body(), "$.id");
        HttpResponse<String> passGranted = director.post("/api/transport/passes/" + pass + "/decision", UUID.randomUUID(),
                "{\"outcome\":\"GRANTED\"}");
        assertThat(passGranted.statusCode()).as(passGranted.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> "PAID".equals(JsonPath.read(agent.get("/api/aid/applications/" + aid).body(),
                "$.status")) && "ACTIVE".equals(JsonPath.read(agent.get("/api/transport/passes/" + pass).body(), "$.status")));
    }

    /** Every record of a topic, from its beginning to its end now. */
    private static List<ConsumerRecord<String, String>> everything(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(suite.kafkaClient("admin"), new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
