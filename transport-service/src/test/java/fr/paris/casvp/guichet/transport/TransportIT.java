package fr.paris.casvp.guichet.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import fr.paris.casvp.guichet.contracts.EventSchemas;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.Address;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.Identity;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.IncomeTax;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.ResidencePeriod;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.contracts.transport.PassOrder;
import fr.paris.casvp.guichet.testsupport.Http;
import fr.paris.casvp.guichet.testsupport.MutableClock;
import fr.paris.casvp.guichet.testsupport.MutableClockConfiguration;
import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import fr.paris.casvp.guichet.testsupport.TestTokens;
import fr.paris.casvp.guichet.testsupport.Topics;
import fr.paris.casvp.guichet.transport.pass.PassService;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The Navigo right on real PostgreSQL and Kafka (issue #7): simulation, the pass's life, the operator's answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(database = "transport")
@Import(MutableClockConfiguration.class)
class TransportIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String AGENT = TestTokens.agent13();
    private static final String DIRECTOR = TestTokens.of("directeur13", "SECTION_DIRECTOR", "13");


    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    ConsumerFactory<String, String> consumers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    MutableClock clock;
    @Autowired
    PassService passes;

    /** Every test runs as of a fixed day (products, ceilings and participation in force then); some move it further. */
    @BeforeEach
    void today() {
        clock.set(LocalDate.of(2026, 11, 16).atTime(10, 0));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theSimulationAnswersExactlyTheContract() {
        HttpResponse<String> answer = post("/api/transport/simulations", AGENT, """
                {"date": "2017-11-15", "birthDate": "1950-06-01", "disabled": false, "unfitForWork": false,
                 "parisResidenceYearsInLastFive": 5, "noFixedAddress": false, "incomeTax": 500.00, "renewal": false,
                 "receivesQualifyingBenefit": false, "warVeteran": false, "zones": "1-2"}
                """);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"eligible\":true,\"product\":\"NAVIGO_EMERAUDE_AMETHYSTE\",\"zones\":\"1-2\","
                + "\"annualParticipation\":180.00,\"validFrom\":\"2017-12-01\",\"validUntil\":\"2018-11-30\",\"reasons\":[]}");
        HttpResponse<String> refused = post("/api/transport/simulations", AGENT, """
                {"date": "2020-01-15", "birthDate": "1990-06-01", "parisResidenceYearsInLastFive": 1, "noFixedAddress": true,
                 "incomeTax": 3000, "zones": "1-5"}
                """);
        assertThat(refused.body()).contains("\"eligible\":false", "\"product\":null", "\"annualParticipation\":null",
                "\"reasons\":[\"NOT_ELDERLY_OR_DISABLED\",\"RESIDENCE_TOO_SHORT\",\"INCOME_TAX_ABOVE_CEILING\",\"NO_FIXED_ADDRESS\"]");
        HttpResponse<String> bad = post("/api/transport/simulations", AGENT, "{\"zones\": \"1-3\", \"incomeTax\": -1}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(bad.body(), "$.errors[*].field")).containsExactlyInAnyOrder("date", "birthDate",
                "parisResidenceYearsInLastFive", "incomeTax", "zones");
    }

    @Test
    void requestDecideOrderConfirmTwiceAndThePassIsActiveOnce() {
        UUID person = person(LocalDate.of(1950, 6, 1), "500.00");

        HttpResponse<String> requested = post("/api/transport/passes", AGENT,
                "{\"beneficiaryId\":\"" + person + "\",\"navigoCardNumber\":\"1234 5678 90\",\"zones\":\"1-2\"}");
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
        String id = JsonPath.read(requested.body(), "$.id");
        assertThat(JsonPath.<String>read(requested.body(), "$.receipt.status")).isEqualTo("REQUESTED");
        HttpResponse<String> byFiler = post("/api/transport/passes/" + id + "/decision", AGENT, "{\"outcome\":\"GRANTED\"}");
        assertThat(byFiler.statusCode()).as("an agent does not decide").isEqualTo(403);
        HttpResponse<String> granted = post("/api/transport/passes/" + id + "/decision", DIRECTOR, "{\"outcome\":\"GRANTED\"}");

        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(granted.body(), "$.status")).isEqualTo("ORDERED");
        assertThat(JsonPath.<String>read(granted.body(), "$.product")).isEqualTo("PASS_PARIS_SENIORS");
        assertThat(JsonPath.<Double>read(granted.body(), "$.participationDue")).isEqualTo(0.0);
        // Issue #36: the e-mail announced a decision letter that did not exist.
        assertThat(text(letter(id))).contains("Objet : notification de décision — forfait Navigo", "le forfait Pass Paris Seniors "
                + "vous est accordé", "Zones : 1 à 2. Valable du 1er ", "carte Navigo n° 1234567890",
                "Participation annuelle : aucune", "Tribunal administratif de Paris").doesNotContain("PASS_PARIS_SENIORS");
        ConsumerRecord<String, String> order = first("transport.pass-orders.v1",
                r -> r.value().contains(JsonPath.<String>read(granted.body(), "$.number")));
        assertThat(EventSchemas.violations(PassOrder.TYPE, order.value())).isEmpty();
        assertThat(JsonPath.<String>read(order.value(), "$.navigoCardNumber")).isEqualTo("1234567890");
        assertThat(order.value()).doesNotContain(person.toString()).doesNotContain("Lefèvre");

        String orderId = JsonPath.read(order.value(), "$.orderId");
        String passNumber = JsonPath.read(granted.body(), "$.number");
        String confirmation = "{\"orderId\":\"" + orderId + "\",\"passNumber\":\"" + passNumber + "\",\"status\":\"DONE\",\"at\":\""
                + clock.instant() + "\"}";
        String eventId = UUID.randomUUID().toString();
        confirm(confirmation, eventId);
        confirm(confirmation, eventId);
        RecordMetadata last = confirm(confirmation, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> "ACTIVE".equals(JsonPath.read(get("/api/transport/passes/" + id).body(), "$.status")));
        Topics.awaitConsumed(kafka, "transport-service.pass-confirmations", last); // the redeliveries have been handled
        assertThat(JsonPath.<List<String>>read(get("/api/transport/passes/" + id).body(), "$.history[*].transition"))
                .containsExactly("REQUESTED", "GRANTED", "ORDERED", "ACTIVATED");
        List<ConsumerRecord<String, String>> steps = records("transport.events.v1", r -> r.value().contains(id), 4);
        steps.forEach(step -> assertThat(EventSchemas.violations(header(step, "ce_type"), step.value())).isEmpty());
        assertThat(steps).extracting(r -> header(r, "ce_type")).containsExactly(
                "fr.paris.casvp.guichet.transport.pass.requested.v1", "fr.paris.casvp.guichet.transport.pass.granted.v1",
                "fr.paris.casvp.guichet.transport.pass.ordered.v1", "fr.paris.casvp.guichet.transport.pass.activated.v1");
        // Issue #35: each step's event id is derived from the pass and the step's place in its history, so that a step taken
        // again after a restore of the database is the same event (RestoreReconciliation), not a second one.
        assertThat(steps).extracting(r -> header(r, "ce_id")).containsExactly(IntStream.rangeClosed(1, 4)
                .mapToObj(seq -> UUID.nameUUIDFromBytes(("transport/passes/" + id + "/steps/" + seq).getBytes(StandardCharsets.UTF_8)).toString())
                .toArray(String[]::new));

        // Issue #36: the card is lost. The pass leaves the old card, then is loaded on the new one; a late answer about
        // the old card's load changes nothing.
        HttpResponse<String> lost = Http.send(HttpRequest.newBuilder(URI.create(url("/api/transport/passes/" + id + "/card")))
                .header("Authorization", "Bearer " + AGENT).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .PUT(HttpRequest.BodyPublishers.ofString("{\"navigoCardNumber\":\"9876 5432 10\"}")).build());
        assertThat(lost.statusCode()).as(lost.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(lost.body(), "$.status")).isEqualTo("ORDERED");
        assertThat(JsonPath.<List<String>>read(lost.body(), "$.orders[*].action")).containsExactly("LOAD", "CANCEL", "LOAD");
        ConsumerRecord<String, String> release = first("transport.pass-orders.v1",
                r -> r.value().contains(JsonPath.<String>read(lost.body(), "$.orders[1].id")));
        assertThat(JsonPath.<String>read(release.value(), "$.navigoCardNumber")).as("the old card").isEqualTo("1234567890");
        String reloadId = JsonPath.read(lost.body(), "$.orders[2].id");
        ConsumerRecord<String, String> reload = first("transport.pass-orders.v1", r -> r.value().contains(reloadId));
        assertThat(JsonPath.<String>read(reload.value(), "$.navigoCardNumber")).isEqualTo("9876543210");
        RecordMetadata stale = confirm("{\"orderId\":\"" + orderId + "\",\"passNumber\":\"" + passNumber
                + "\",\"status\":\"DONE\",\"at\":\"" + clock.instant() + "\"}", UUID.randomUUID().toString());
        Topics.awaitConsumed(kafka, "transport-service.pass-confirmations", stale);
        assertThat(JsonPath.<String>read(get("/api/transport/passes/" + id).body(), "$.status")).as("not loaded on the new card yet")
                .isEqualTo("ORDERED");
        RecordMetadata reloaded = confirm("{\"orderId\":\"" + reloadId + "\",\"passNumber\":\"" + passNumber
                + "\",\"status\":\"DONE\",\"at\":\"" + clock.instant() + "\"}", UUID.randomUUID().toString());
        Topics.awaitConsumed(kafka, "transport-service.pass-confirmations", reloaded);
        assertThat(JsonPath.<String>read(get("/api/transport/passes/" + id).body(), "$.status")).isEqualTo("ACTIVE");
        assertThat(JsonPath.<String>read(get("/api/transport/passes/" + id).body(), "$.navigoCardNumber")).isEqualTo("9876543210");

        HttpResponse<String> cancelled = post("/api/transport/passes/" + id + "/cancellation", AGENT, "{\"reason\":\"Déménagement en province\"}");
        assertThat(JsonPath.<String>read(cancelled.body(), "$.status")).isEqualTo("CANCELLED");
        assertThat(JsonPath.<List<String>>read(cancelled.body(), "$.orders[*].action")).containsExactly("LOAD", "CANCEL", "LOAD", "CANCEL");
    }

    @Test
    void aRequestFiledByTheDirectorIsDecidedByAnotherAndNotEligibleIsA422() {
        UUID young = person(LocalDate.of(1990, 1, 1), "0");
        String filedByDirector = JsonPath.read(post("/api/transport/passes", DIRECTOR,
                "{\"beneficiaryId\":\"" + young + "\",\"navigoCardNumber\":\"ABCD123456\",\"zones\":\"1-5\"}").body(), "$.id");

        HttpResponse<String> fourEyes = post("/api/transport/passes/" + filedByDirector + "/decision", DIRECTOR, "{\"outcome\":\"GRANTED\"}");
        assertThat(fourEyes.statusCode()).isEqualTo(403);
        assertThat(JsonPath.<String>read(fourEyes.body(), "$.type")).isEqualTo("urn:guichet:problem:four-eyes");
        HttpResponse<String> notEligible = post("/api/transport/passes/" + filedByDirector + "/decision",
                TestTokens.of("directeur13bis", "SECTION_DIRECTOR", "13"), "{\"outcome\":\"GRANTED\"}");
        assertThat(notEligible.statusCode()).isEqualTo(422);
        assertThat(JsonPath.<List<String>>read(notEligible.body(), "$.reasons")).containsExactly("NOT_ELDERLY_OR_DISABLED");
        HttpResponse<String> otherSection = post("/api/transport/passes/" + filedByDirector + "/decision",
                TestTokens.of("directeur18", "SECTION_DIRECTOR", "18"), "{\"outcome\":\"REFUSED\",\"reasonCodes\":[\"NOT_ELDERLY_OR_DISABLED\"]}");
        assertThat(otherSection.statusCode()).isEqualTo(403);
    }

    @Test
    void in2017TheParticipationIsDueAndTrackedThenReminderExpiryAndARenewalUnderTheHigherCeiling() {
        UUID person = person(LocalDate.of(1945, 2, 2), "2200.00");
        clock.set(LocalDate.of(2017, 11, 15).atTime(10, 0).atZone(PARIS).toInstant());
        String first = request(person, "1-5");
        HttpResponse<String> refused = post("/api/transport/passes/" + first + "/decision", DIRECTOR, "{\"outcome\":\"GRANTED\"}");
        assertThat(refused.statusCode()).as("2 200 € is above the first request's ceiling").isEqualTo(422);
        post("/api/transport/passes/" + first + "/decision", DIRECTOR, "{\"outcome\":\"REFUSED\",\"reasonCodes\":[\"INCOME_TAX_ABOVE_CEILING\"]}");
        assertThat(text(letter(first))).contains("est rejetée pour le motif suivant", "l'impôt sur le revenu de votre foyer dépasse",
                "Paris, le 15 novembre 2017");

        UUID modest = person(LocalDate.of(1945, 2, 2), "1000.00");
        String pass = request(modest, "1-5");
        HttpResponse<String> granted = post("/api/transport/passes/" + pass + "/decision", DIRECTOR, "{\"outcome\":\"GRANTED\"}");
        assertThat(JsonPath.<Double>read(granted.body(), "$.participationDue")).isEqualTo(410.0);
        assertThat(JsonPath.<String>read(granted.body(), "$.product")).isEqualTo("NAVIGO_EMERAUDE_AMETHYSTE");
        assertThat(JsonPath.<String>read(granted.body(), "$.validUntil")).isEqualTo("2018-11-30");
        HttpResponse<String> paid = post("/api/transport/passes/" + pass + "/participation-payment", AGENT, "{\"reference\":\"REGIE-2017-0042\"}");
        assertThat(JsonPath.<String>read(paid.body(), "$.participationPaidAt")).isNotNull();
        assertThat(post("/api/transport/passes/" + pass + "/participation-payment", AGENT, "{\"reference\":\"again\"}").statusCode()).isEqualTo(409);
        assertThat(text(letter(pass))).contains("forfait Navigo Émeraude Améthyste", "Zones : 1 à 5. Valable du 1er décembre 2017 au "
                + "30 novembre 2018.", "Participation annuelle : 410,00 €", "Vous l'avez réglée le 15 novembre 2017.");
        jdbc.sql("update transport_pass set status = 'ACTIVE' where id = :id").param("id", UUID.fromString(pass)).update();

        clock.set(LocalDate.of(2018, 9, 1).atTime(10, 0).atZone(PARIS).toInstant());
        passes.remindAndExpire();
        passes.remindAndExpire();
        clock.set(LocalDate.of(2018, 12, 10).atTime(10, 0).atZone(PARIS).toInstant());
        passes.remindAndExpire();
        assertThat(JsonPath.<List<String>>read(get("/api/transport/passes/" + pass).body(), "$.history[*].transition"))
                .containsExactly("REQUESTED", "GRANTED", "ORDERED", "PARTICIPATION_PAID", "RENEWAL_DUE", "EXPIRED");

        publishTax(modest, "2300.00");
        String renewal = request(modest, "1-2");
        assertThat(JsonPath.<Boolean>read(get("/api/transport/passes/" + renewal).body(), "$.renewal")).isTrue();
        HttpResponse<String> renewed = post("/api/transport/passes/" + renewal + "/decision", DIRECTOR, "{\"outcome\":\"GRANTED\"}");
        assertThat(renewed.statusCode()).as("2 300 € on a renewal within 3 months: under 2 430 €").isEqualTo(200);
        assertThat(JsonPath.<Double>read(renewed.body(), "$.participationDue")).as("free since June 2018").isEqualTo(0.0);
        assertThat(JsonPath.<String>read(get("/api/transport/passes/" + pass).body(), "$.status")).isEqualTo("RENEWED");
    }

    @Test
    void aConfirmationThatDoesNotMatchItsOrderIsParkedAndNeverApplied() {
        UUID person = person(LocalDate.of(1948, 8, 8), "0");
        String id = request(person, "1-2");
        String number = JsonPath.read(post("/api/transport/passes/" + id + "/decision", DIRECTOR, "{\"outcome\":\"GRANTED\"}").body(), "$.number");
        String orderId = JsonPath.read(first("transport.pass-orders.v1", r -> r.value().contains(number)).value(), "$.orderId");
        String head = "{\"orderId\":\"" + orderId + "\",";

        List<RecordMetadata> forged = List.of(
                confirm(head + "\"passNumber\":\"NAV-1999-000001\",\"status\":\"DONE\",\"at\":\"" + clock.instant() + "\"}",
                        UUID.randomUUID().toString()),
                confirm(head + "\"status\":\"DONE\",\"at\":\"" + clock.instant() + "\"}", UUID.randomUUID().toString()),
                confirm(head + "\"passNumber\":\"" + number + "\",\"status\":\"DONE\",\"at\":\""
                        + clock.instant().plus(Duration.ofDays(2)) + "\"}", UUID.randomUUID().toString()));
        Topics.awaitConsumed(kafka, "transport-service.pass-confirmations", forged);

        assertThat(JsonPath.<String>read(get("/api/transport/passes/" + id).body(), "$.status")).isEqualTo("ORDERED");
        List<String> reasons = jdbc.sql("select reasons from parked_record where payload like :order order by id")
                .param("order", "%" + orderId + "%").query(String.class).list();
        assertThat(reasons).hasSize(3);
        assertThat(reasons.get(0)).contains("pass number NAV-1999-000001 is not the order's (" + number + ")");
        assertThat(reasons.get(1)).contains("no pass number");
        assertThat(reasons.get(2)).contains("in the future");

        confirm(head + "\"passNumber\":\"" + number + "\",\"status\":\"DONE\",\"at\":\"" + clock.instant() + "\"}",
                UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> "ACTIVE".equals(JsonPath.read(get("/api/transport/passes/" + id).body(), "$.status")));
    }

    @Test
    void aRejectedOrderIsSentAgainWithTheCorrectedCard() {
        UUID person = person(LocalDate.of(1948, 8, 8), "0");
        String id = request(person, "1-2");
        String number = JsonPath.read(post("/api/transport/passes/" + id + "/decision", DIRECTOR, "{\"outcome\":\"GRANTED\"}").body(), "$.number");
        ConsumerRecord<String, String> order = first("transport.pass-orders.v1", r -> r.value().contains(number));
        confirm("{\"orderId\":\"" + JsonPath.read(order.value(), "$.orderId") + "\",\"passNumber\":\"" + number
                + "\",\"status\":\"REJECTED\",\"reason\":\"Carte inconnue\","
                + "\"at\":\"" + clock.instant() + "\"}", UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "ORDER_REJECTED".equals(JsonPath.read(get("/api/transport/passes/" + id).body(), "$.status")));

        HttpResponse<String> changed = send("PUT", "/api/transport/passes/" + id + "/card", AGENT, "{\"navigoCardNumber\":\"9999888877\"}");

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(changed.body(), "$.status")).isEqualTo("ORDERED");
        ConsumerRecord<String, String> again = first("transport.pass-orders.v1", r -> r.value().contains("9999888877"));
        assertThat(JsonPath.<String>read(again.value(), "$.passNumber")).isEqualTo(number);
    }

    // --- fixture ---

    private String request(UUID person, String zones) {
        HttpResponse<String> requested = post("/api/transport/passes", AGENT,
                "{\"beneficiaryId\":\"" + person + "\",\"navigoCardNumber\":\"0102030405\",\"zones\":\"" + zones + "\"}");
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
        return JsonPath.read(requested.body(), "$.id");
    }

    private UUID person(LocalDate birthDate, String tax) {
        UUID id = UUID.randomUUID();
        publish(snapshot(id, birthDate, tax, 1));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from beneficiary_replica where beneficiary_id = :id")
                .param("id", id.toString()).query(Long.class).single() == 1);
        return id;
    }

    private void publishTax(UUID id, String tax) {
        publish(snapshot(id, LocalDate.of(1945, 2, 2), tax, 2));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select version from beneficiary_replica where beneficiary_id = :id")
                .param("id", id.toString()).query(Long.class).single() == 2);
    }

    private BeneficiarySnapshot snapshot(UUID id, LocalDate birthDate, String tax, long version) {
        BeneficiarySituation situation = new BeneficiarySituation(new Identity("Lefèvre", null, "Anne", birthDate, "F", null),
                new Address("8 avenue d'Italie", null, "75013", "Paris", 13), List.of(new ResidencePeriod(LocalDate.of(2005, 1, 1), null)),
                null, List.of(), null, List.of(), List.of(), List.of(new IncomeTax(2016, new BigDecimal(tax))), false, "13", null);
        return new BeneficiarySnapshot(id, "B-2026-%06d".formatted(ThreadLocalRandom.current().nextInt(1_000_000)), version,
                Instant.now(), situation, LocalDate.of(2005, 1, 1), null);
    }

    private HttpResponse<byte[]> letter(String id) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/transport/passes/" + id + "/letter")))
                    .header("Authorization", "Bearer " + AGENT).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(HttpResponse<byte[]> letter) {
        assertThat(letter.statusCode()).isEqualTo(200);
        try (var document = Loader.loadPDF(letter.body())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void publish(BeneficiarySnapshot snapshot) {
        Topics.send(kafka, "beneficiaries.v1", snapshot.id().toString(), json.writeValueAsString(snapshot));
    }

    private RecordMetadata confirm(String confirmation, String eventId) {
        return Topics.send(kafka, "transport.pass-confirmations.v1", "operator", confirmation, eventId);
    }

    private ConsumerRecord<String, String> first(String topic, Predicate<ConsumerRecord<String, String>> match) {
        return Topics.first(consumers, topic, match);
    }

    private List<ConsumerRecord<String, String>> records(String topic, Predicate<ConsumerRecord<String, String>> match, int count) {
        return Topics.read(consumers, topic, match, count);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return Topics.header(record, name);
    }

    private HttpResponse<String> get(String path) {
        return Http.get(url(path), AGENT);
    }

    private HttpResponse<String> post(String path, String token, String body) {
        return send("POST", path, token, body);
    }

    private HttpResponse<String> send(String method, String path, String token, String body) {
        return Http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
