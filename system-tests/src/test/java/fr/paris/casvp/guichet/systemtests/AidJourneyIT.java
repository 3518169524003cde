package fr.paris.casvp.guichet.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #5 end to end, through the gateway with the suite as processes: a section files, examines and grants an
 * exceptional aid; the payment order is on Kafka as the treasury reads it, the local run's treasury (partner-simulators)
 * pays it with no one's help; the section reads the state and downloads the decision letter.
 */
@ExtendWith(RunningSuite.class)
@Order(2)
class AidJourneyIT {

    private static LocalSuite suite;

    @BeforeAll
    static void suite() {
        suite = RunningSuite.suite();
    }

    @Test
    void fileExamineGrantSeeThePaymentOrderPaidByTheTreasuryAndDownloadTheLetter() throws Exception {
        GatewayClient agent = new GatewayClient(suite, "agent13");
        GatewayClient socialWorker = new GatewayClient(suite, "travailleur13");
        GatewayClient director = new GatewayClient(suite, "directeur13");
        HttpResponse<String> registered = agent.post("/api/beneficiaries", UUID.randomUUID(), Registrations.of("Ørsted-Nguyễn", "75013"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String person = JsonPath.read(registered.body(), "$.id");
        await().atMost(Duration.ofSeconds(60)).until(() -> agent.get("/api/aid/beneficiaries/" + person).statusCode() == 200);

        HttpResponse<String> filed = agent.post("/api/aid/applications", UUID.randomUUID(), """
                {"beneficiaryId":"%s","category":"RENT_ARREARS","requestedAmount":900,"reason":"Deux mois de loyer impayés",
                 "payee":{"kind":"CREDITOR","accountHolder":"Paris Habitat","iban":"FR76 3000 6000 0112 3456 7890 189"}}
                """.formatted(person));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String id = JsonPath.read(filed.body(), "$.id");
        assertThat(JsonPath.<String>read(filed.body(), "$.receipt.number")).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        HttpResponse<String> examined = socialWorker.post("/api/aid/applications/" + id + "/examination", UUID.randomUUID(),
                "{\"assessment\":\"Baisse de ressources après un arrêt maladie.\",\"proposedAmount\":900}");
        assertThat(examined.statusCode()).as(examined.body()).isEqualTo(200);
        HttpResponse<String> granted = director.post("/api/aid/applications/" + id + "/decision", UUID.randomUUID(),
                "{\"outcome\":\"GRANTED\",\"amount\":900}");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        String reference = JsonPath.read(granted.body(), "$.payments[0].reference");

        ConsumerRecord<String, String> order = paymentOrder(reference);
        assertThat(JsonPath.<String>read(order.value(), "$.payee.iban")).isEqualTo("FR7630006000011234567890189");
        assertThat(JsonPath.<Double>read(order.value(), "$.amount")).isEqualTo(900.0);
        assertThat(order.value()).doesNotContain(person).doesNotContain("Ørsted-Nguyễn");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                JsonPath.<String>read(agent.get("/api/aid/applications/" + id).body(), "$.status")).isEqualTo("PAID"));
        HttpResponse<byte[]> letter = agent.download("/api/aid/applications/" + id + "/letter");
        assertThat(letter.statusCode()).isEqualTo(200);
        // Kept for docs/printed (docs/printed/render): the letter as a person receives it.
        Files.createDirectories(Path.of("target/printed"));
        Files.write(Path.of("target/printed/lettre-de-decision.pdf"), letter.body());
        try (var pdf = Loader.loadPDF(letter.body())) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains("Madame Jeanne Ørsted-Nguyễn", "75013 PARIS", "Paris, le ", "Montant accordé : 900,00 €",
                            "Paris Habitat", "Tribunal administratif de Paris", "146 boulevard de l'Hôpital",
                            "Hélène Lefèvre-Nguyễn");
        }
    }

    private static ConsumerRecord<String, String> paymentOrder(String reference) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(suite.kafkaClient("treasury", Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "treasury-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("payment-orders.v1"));
            ConsumerRecord<String, String>[] found = new ConsumerRecord[1];
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (r.value() != null && r.value().contains("\"" + reference + "\"")) {
                        found[0] = r;
                    }
                });
                return found[0] != null;
            });
            return found[0];
        }
    }
}
