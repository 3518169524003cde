package fr.paris.casvp.guichet.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #16's notices on the suite as processes: an aid filed for a person who gave an e-mail address, then granted,
 * then paid by the local treasury, leaves three French messages in the local mail server ({@code ./guichet up}'s), and
 * the decision's event delivered a second time on the real broker leaves no fourth.
 */
@ExtendWith(RunningSuite.class)
@Order(4)
class NoticeJourneyIT {

    private static final String EVENTS = "aid.events.v1";
    private static final String CONSUMER_GROUP = "notice-service.benefit-events";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static LocalSuite suite;

    @BeforeAll
    static void suite() {
        suite = RunningSuite.suite();
    }

    @Test
    void aFiledGrantedAndPaidAidLeavesThreeFrenchMessagesOnceEachEvenWhenTheDecisionIsDeliveredTwice() throws Exception {
        GatewayClient agent = new GatewayClient(suite, "agent13");
        String email = "emilie." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String situation = Registrations.situation("Ørsted-Nguyễn", "75013", Registrations.nir())
                .replace(",\"section\":\"13\"}", ",\"contact\":{\"email\":\"" + email + "\"},\"section\":\"13\"}");
        HttpResponse<String> registered = agent.post("/api/beneficiaries", UUID.randomUUID(),
                "{\"situation\":" + situation + ",\"confirmedHomonym\":true}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String person = JsonPath.read(registered.body(), "$.id");
        await().atMost(Duration.ofSeconds(60)).until(() -> agent.get("/api/aid/beneficiaries/" + person).statusCode() == 200);

        HttpResponse<String> filed = agent.post("/api/aid/applications", UUID.randomUUID(), """
                {"beneficiaryId":"%s","category":"ENERGY","requestedAmount":300,"reason":"Facture d'électricité en retard",
                 "payee":{"kind":"CREDITOR","accountHolder":"EDF","iban":"FR76 3000 6000 0112 3456 7890 189"}}
                """.formatted(person));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String id = JsonPath.read(filed.body(), "$.id");
        String number = JsonPath.read(filed.body(), "$.number");
        assertThat(new GatewayClient(suite, "travailleur13").post("/api/aid/applications/" + id + "/examination", UUID.randomUUID(),
                "{\"assessment\":\"Facture justifiée.\",\"proposedAmount\":300}").statusCode()).isEqualTo(200);
        assertThat(new GatewayClient(suite, "directeur13").post("/api/aid/applications/" + id + "/decision", UUID.randomUUID(),
                "{\"outcome\":\"GRANTED\",\"amount\":300}").statusCode()).isEqualTo(200);

        // The local treasury (partner-simulators) pays the order: the third message.
        await().atMost(Duration.ofSeconds(90)).until(() -> messagesTo(email).size() == 3);
        List<Map<String, String>> messages = messagesTo(email);
        assertThat(messages).extracting(m -> m.get("subject")).containsExactly(
                "Aide exceptionnelle — demande reçue (dossier n° " + number + ")",
                "Aide exceptionnelle — demande accordée (dossier n° " + number + ")",
                "Aide exceptionnelle — paiement effectué (dossier n° " + number + ")");
        assertThat(messages.get(1).get("body")).startsWith("Madame Ørsted-Nguyễn,")
                .contains("a été accordée le").contains("/suivi").contains("Section du 13e arrondissement")
                .doesNotContain("300").doesNotContain("EDF");

        // The decision's event, delivered once more by the broker (as a relay that published it twice would).
        ConsumerRecord<String, String> decision = event(id, "\"GRANTED\"");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(suite.kafkaClient("aid-service"), new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> again = new ProducerRecord<>(EVENTS, decision.key(), decision.value());
            decision.headers().forEach(header -> again.headers().add(header));
            producer.send(again).get(30, TimeUnit.SECONDS);
        }
        awaitConsumedToTheEnd();
        assertThat(messagesTo(email)).as("no message for the event delivered twice").hasSize(3);
    }

    /** The aid's event of this application whose value contains this text, read from the topic's beginning. */
    private static ConsumerRecord<String, String> event(String applicationId, String contains) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(suite.kafkaClient("admin", Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "notice-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(EVENTS));
            ConsumerRecord<String, String>[] found = new ConsumerRecord[1];
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (r.value() != null && r.value().contains(applicationId) && r.value().contains(contains)) {
                        found[0] = r;
                    }
                });
                return found[0] != null;
            });
            return found[0];
        }
    }

    /** Until the notice service's consumer has committed every record of the topic: the duplicate has been handled. */
    private static void awaitConsumedToTheEnd() {
        try (Admin admin = Admin.create(suite.kafkaClient("admin"))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(CONSUMER_GROUP)
                        .partitionsToOffsetAndMetadata().get().entrySet().stream().filter(e -> e.getKey().topic().equals(EVENTS))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                return !committed.isEmpty() && committed.entrySet().stream()
                        .allMatch(e -> e.getValue() != null && e.getValue().offset() >= ends.get(e.getKey()).offset());
            });
        }
    }

    private static List<Map<String, String>> messagesTo(String address) throws Exception {
        HttpResponse<String> received = HTTP.send(HttpRequest.newBuilder(URI.create(suite.service("MAIL", "/messages"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(received.statusCode()).isEqualTo(200);
        return JsonPath.<List<Map<String, String>>>read(received.body(), "$[?(@.to == '" + address + "')]");
    }
}
