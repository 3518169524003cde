package fr.paris.casvp.guichet.aid;

import static fr.paris.casvp.guichet.aid.AidFixture.AGENT;
import static fr.paris.casvp.guichet.aid.AidFixture.DIRECTOR;
import static fr.paris.casvp.guichet.aid.AidFixture.SOCIAL_WORKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import fr.paris.casvp.guichet.aid.application.ApplicationService;
import fr.paris.casvp.guichet.contracts.EventSchemas;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrder;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrderV2;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptNumber;
import fr.paris.casvp.guichet.testsupport.Http;
import fr.paris.casvp.guichet.testsupport.MutableClock;
import fr.paris.casvp.guichet.testsupport.MutableClockConfiguration;
import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import fr.paris.casvp.guichet.testsupport.TestTokens;
import fr.paris.casvp.guichet.testsupport.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

/** Exceptional aid from application to payment, on real PostgreSQL and Kafka, as a section uses it (issue #5). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(database = "aid")
@Import(MutableClockConfiguration.class)
class AidApplicationsIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");


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
    ApplicationService applications;

    AidFixture aid;

    @BeforeEach
    void fixture() {
        aid = new AidFixture(port, kafka, jdbc, json);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void fileExamineGrantThenThePaymentOrderIsOnKafkaItsConfirmationMarksItPaidAndTheLetterSaysIt() throws Exception {
        UUID person = aid.person(LocalDate.of(2015, 3, 1));

        HttpResponse<String> filed = aid.post("/api/aid/applications", AGENT, AidFixture.filing(person, "ENERGY", "450.00"));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String id = JsonPath.read(filed.body(), "$.id");
        assertThat(filed.headers().firstValue("Location")).contains("/api/aid/applications/" + id);
        assertThat(JsonPath.<String>read(filed.body(), "$.number")).matches("AE-\\d{4}-\\d{6}");
        assertThat(ReceiptNumber.isValid(JsonPath.read(filed.body(), "$.receipt.number"))).isTrue();
        assertThat(JsonPath.<String>read(filed.body(), "$.receipt.status")).isEqualTo("RECEIVED");
        assertThat(JsonPath.<String>read(filed.body(), "$.receipt.receivedAt")).isNotBlank();
        assertThat(JsonPath.<String>read(filed.body(), "$.payee.iban")).as("masked").isEqualTo("FR76 **** 0189");

        aid.post("/api/aid/applications/" + id + "/examination", SOCIAL_WORKER,
                "{\"assessment\":\"Facture EDF après un mois sans salaire.\",\"proposedAmount\":400}");
        HttpResponse<String> granted = aid.grant(id, "400.00");

        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(granted.body(), "$.status")).isEqualTo("PAYMENT_ORDERED");
        assertThat(JsonPath.<String>read(granted.body(), "$.decisions[0].decidedBy")).isEqualTo("directeur13");
        String reference = JsonPath.read(granted.body(), "$.payments[0].reference");

        ConsumerRecord<String, String> order = first("payment-orders.v1", r -> r.value().contains(reference));
        assertThat(header(order, "ce_type")).isEqualTo(PaymentOrder.TYPE);
        assertThat(EventSchemas.violations(PaymentOrder.TYPE, order.value())).isEmpty();
        assertThat(JsonPath.<String>read(order.value(), "$.payee.iban")).isEqualTo(AidFixture.IBAN);
        assertThat(JsonPath.<Double>read(order.value(), "$.amount")).isEqualTo(400.0);
        assertThat(order.key()).as("partners see a pseudonym").startsWith("P-").doesNotContain(person.toString());
        assertThat(order.value()).doesNotContain(person.toString()).doesNotContain("Martin");

        List<ConsumerRecord<String, String>> steps = Topics.read(consumers, "aid.events.v1", r -> r.value().contains(id), 4);
        assertThat(steps).extracting(ConsumerRecord::key).as("one pseudonym per partner: the events' is not the treasury's")
                .allMatch(key -> key.startsWith("P-")).doesNotContain(order.key()).containsOnly(steps.get(0).key());
        assertThat(steps).extracting(r -> header(r, "ce_type")).containsExactly(
                "fr.paris.casvp.guichet.aid.application.received.v1", "fr.paris.casvp.guichet.aid.application.examined.v1",
                "fr.paris.casvp.guichet.aid.application.granted.v1", "fr.paris.casvp.guichet.aid.application.payment-ordered.v1");
        steps.forEach(step -> {
            assertThat(EventSchemas.violations(header(step, "ce_type"), step.value())).isEmpty();
            assertThat(step.value()).doesNotContain(person.toString()).doesNotContain("Martin").doesNotContain("FR76");
        });

        String orderId = JsonPath.read(order.value(), "$.orderId");
        String confirmation = "{\"orderId\":\"" + orderId + "\",\"reference\":\"" + reference
                + "\",\"amount\":400.00,\"status\":\"PAID\",\"settledAt\":\"" + clock.instant() + "\"}";
        confirm(confirmation, "confirmation-" + orderId);
        confirm(confirmation, "confirmation-" + orderId);
        RecordMetadata last = confirm(confirmation, "another-id-for-the-same-answer-" + orderId);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                JsonPath.<String>read(aid.get("/api/aid/applications/" + id, AGENT).body(), "$.status")).isEqualTo("PAID"));
        Topics.awaitConsumed(kafka, "aid-service.payment-confirmations", last); // the redeliveries have been handled
        String paid = aid.get("/api/aid/applications/" + id, AGENT).body();
        assertThat(JsonPath.<List<String>>read(paid, "$.history[*].transition")).containsExactly(
                "RECEIVED", "EXAMINED", "GRANTED", "PAYMENT_ORDERED", "PAID");
        assertThat(JsonPath.<String>read(paid, "$.payments[0].status")).isEqualTo("PAID");

        String letter = letterText(id, AGENT);
        assertThat(letter).contains("allocation exceptionnelle", "Montant accordé : 400,00 €", "Tribunal administratif de Paris",
                "deux mois", "recours administratif", JsonPath.<String>read(filed.body(), "$.number"), "Jeanne Martin-O'Brien");
    }

    /**
     * Issue #35: version 2 of the payment contract. Each order is written in both versions under one order id, version
     * 2's amount a decimal string; the treasury answers in version 2 and the aid is paid; a version 1 answer to the same
     * order, afterwards, changes nothing.
     */
    @Test
    void theOrderIsWrittenInBothVersionsAndAVersion2AnswerPaysItOnce() throws Exception {
        UUID person = aid.person(LocalDate.of(2015, 3, 1));
        String id = JsonPath.read(aid.post("/api/aid/applications", AGENT, AidFixture.filing(person, "WATER", "87.07")).body(), "$.id");
        aid.post("/api/aid/applications/" + id + "/examination", SOCIAL_WORKER, "{\"assessment\":\"Facture d'eau.\",\"proposedAmount\":87.07}");
        String reference = JsonPath.read(aid.grant(id, "87.07").body(), "$.payments[0].reference");

        ConsumerRecord<String, String> v1 = first("payment-orders.v1", r -> r.value().contains(reference));
        ConsumerRecord<String, String> v2 = first("payment-orders.v2", r -> r.value().contains(reference));
        assertThat(header(v2, "ce_type")).isEqualTo(PaymentOrderV2.TYPE);
        assertThat(EventSchemas.violations(PaymentOrderV2.TYPE, v2.value())).isEmpty();
        assertThat(JsonPath.<String>read(v2.value(), "$.amount")).isEqualTo("87.07");
        assertThat(JsonPath.<String>read(v2.value(), "$.orderId")).isEqualTo(JsonPath.<String>read(v1.value(), "$.orderId"));
        assertThat(v2.key()).isEqualTo(v1.key());
        assertThat(header(v2, "ce_id")).isNotEqualTo(header(v1, "ce_id"));

        String orderId = JsonPath.read(v2.value(), "$.orderId");
        Topics.send(kafka, "payment-confirmations.v2", v2.key(), "{\"orderId\":\"" + orderId + "\",\"reference\":\"" + reference
                + "\",\"amount\":\"87.07\",\"status\":\"PAID\",\"settledAt\":\"" + clock.instant() + "\"}", "v2-" + orderId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                JsonPath.<String>read(aid.get("/api/aid/applications/" + id, AGENT).body(), "$.status")).isEqualTo("PAID"));

        RecordMetadata late = confirm("{\"orderId\":\"" + orderId + "\",\"reference\":\"" + reference
                + "\",\"amount\":87.07,\"status\":\"FAILED\",\"reason\":\"AC04\",\"settledAt\":\"" + clock.instant() + "\"}", "v1-" + orderId);
        Topics.awaitConsumed(kafka, "aid-service.payment-confirmations", late);
        String paid = aid.get("/api/aid/applications/" + id, AGENT).body();
        assertThat(JsonPath.<String>read(paid, "$.status")).as("answered once, in version 2").isEqualTo("PAID");
        assertThat(JsonPath.<List<String>>read(paid, "$.history[*].transition")).containsOnlyOnce("PAID").doesNotContain("PAYMENT_FAILED");
    }

    @Test
    void theSameIdempotencyKeyTwiceFilesOneApplication() {
        UUID person = aid.person(LocalDate.of(2015, 3, 1));
        UUID key = UUID.randomUUID();
        String body = AidFixture.filing(person, "FOOD", "120");

        HttpResponse<String> first = aid.send("POST", "/api/aid/applications", AGENT, key, body);
        HttpResponse<String> again = aid.send("POST", "/api/aid/applications", AGENT, key, body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(JsonPath.<List<Object>>read(aid.get("/api/aid/applications?beneficiaryId=" + person, AGENT).body(), "$")).hasSize(1);

        HttpResponse<String> anotherAgent = aid.send("POST", "/api/aid/applications", TestTokens.of("agent13bis", "AGENT", "13"), key, body);
        assertThat(anotherAgent.statusCode()).as("a key is scoped to its agent: never the first agent's answer").isEqualTo(422);
        assertThat(JsonPath.<String>read(anotherAgent.body(), "$.type")).isEqualTo("urn:guichet:problem:idempotency-key-reused");
        assertThat(anotherAgent.body()).doesNotContain(JsonPath.<String>read(first.body(), "$.id"));
    }

    /**
     * A cap raised by the Conseil de Paris: one administrator proposes it from its day, another approves it (never the
     * same), and the cap rule applies it from that day on, not before. In 2031, so that no other test meets it.
     */
    @Test
    void aCapRaisedByTwoAdministratorsAppliesFromItsDay() {
        UUID resident = aid.person(LocalDate.of(2015, 3, 1));
        String administrator1 = TestTokens.of("administrateur1", "ADMINISTRATOR", null);
        String administrator2 = TestTokens.of("administrateur2", "ADMINISTRATOR", null);
        List<String> families = JsonPath.read(aid.get("/api/aid/parameters/families", AGENT).body(),
                "$[*].figures[?(@.name == 'cap.resident-3-years')].history[0].recordedBy");
        assertThat(families).as("the migration's rows, copied").containsExactly("migration");

        HttpResponse<String> proposed = aid.send("POST", "/api/aid/parameters/proposals", administrator1, UUID.randomUUID(), """
                {"name": "cap.resident-3-years", "effectiveFrom": "2031-01-01", "value": 3500,
                 "source": "Délibération 2030 DASES 7 du Conseil de Paris"}
                """);
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        String id = JsonPath.read(proposed.body(), "$.id");
        String approval = "/api/aid/parameters/proposals/" + id + "/approval";
        assertThat(aid.send("POST", approval, administrator1, UUID.randomUUID(), "{}").statusCode()).as("four eyes").isEqualTo(403);
        assertThat(aid.send("POST", approval, administrator2, UUID.randomUUID(), "{}").statusCode()).isEqualTo(200);

        String cap = "/api/aid/beneficiaries/" + resident + "/cap?date=";
        assertThat(JsonPath.<Double>read(aid.get(cap + "2030-12-31", AGENT).body(), "$.cap")).isEqualTo(3287.0);
        assertThat(JsonPath.<Double>read(aid.get(cap + "2031-01-01", AGENT).body(), "$.cap")).isEqualTo(3500.0);
        assertThat(JsonPath.<List<Object>>read(aid.get("/api/aid/parameters/stale", AGENT).body(), "$")).as("decided, never due")
                .isEmpty();
    }

    @Test
    void aHouseholdWith3YearsInParisGranted2500MayReceive787MoreAnd330WithLess() {
        UUID resident = aid.person(LocalDate.of(2015, 3, 1));
        UUID newcomer = aid.person(LocalDate.of(2024, 6, 1));
        clock.set(LocalDate.of(2026, 7, 10).atTime(10, 0));
        assertThat(aid.grant(aid.readyForDecision(resident, "RENT_ARREARS", "2500"), "2500").statusCode()).isEqualTo(200);
        assertThat(aid.grant(aid.readyForDecision(newcomer, "RENT_ARREARS", "2500"), "2500").statusCode()).isEqualTo(200);
        clock.set(LocalDate.of(2026, 11, 7).atTime(9, 0));

        HttpResponse<String> cap = aid.get("/api/aid/beneficiaries/" + resident + "/cap", AGENT);
        assertThat(JsonPath.<Double>read(cap.body(), "$.cap")).isEqualTo(3287.0);
        assertThat(JsonPath.<Double>read(cap.body(), "$.used")).isEqualTo(2500.0);
        assertThat(JsonPath.<Double>read(cap.body(), "$.remaining")).isEqualTo(787.0);
        assertThat(JsonPath.<String>read(cap.body(), "$.windowEnd")).isEqualTo("2026-11-07");
        assertThat(JsonPath.<String>read(cap.body(), "$.windowStart")).isEqualTo("2025-11-08");
        assertThat(JsonPath.<Double>read(aid.get("/api/aid/beneficiaries/" + newcomer + "/cap", AGENT).body(), "$.remaining")).isEqualTo(330.0);

        HttpResponse<String> above = aid.grant(aid.readyForDecision(resident, "ENERGY", "788"), "788");
        assertThat(above.statusCode()).isEqualTo(422);
        assertThat(JsonPath.<String>read(above.body(), "$.type")).isEqualTo("urn:guichet:problem:cap-exceeded");
        assertThat(JsonPath.<Double>read(above.body(), "$.remaining")).isEqualTo(787.0);
        assertThat(JsonPath.<String>read(above.body(), "$.detail")).contains("787");
        assertThat(aid.grant(aid.readyForDecision(resident, "ENERGY", "787"), "787").statusCode()).isEqualTo(200);
        assertThat(aid.grant(aid.readyForDecision(newcomer, "ENERGY", "331"), "331").statusCode()).isEqualTo(422);
    }

    @Test
    void theWindowRollsAGrantNoLongerCountsTwelveMonthsAndOneDayLater() {
        UUID person = aid.person(LocalDate.of(2015, 3, 1));
        Instant decidedAt = LocalDate.of(2025, 6, 15).atTime(10, 0).atZone(PARIS).toInstant();
        clock.set(decidedAt);
        assertThat(aid.grant(aid.readyForDecision(person, "HEALTH", "2000"), "2000").statusCode()).isEqualTo(200);
        clock.reset();

        assertThat(used(person, "2026-06-14")).as("12 months minus one day later").isEqualTo(2000.0);
        assertThat(used(person, "2026-06-15")).as("12 months later").isEqualTo(0.0);
        assertThat(used(person, "2026-06-16")).as("12 months and one day later").isEqualTo(0.0);
    }

    @Test
    void aDisasterGrantDoesNotConsumeTheOrdinaryCapAndHasItsOwnPerEvent() {
        UUID person = aid.person(LocalDate.of(2015, 3, 1));
        clock.set(LocalDate.of(2026, 10, 5).atTime(11, 0));

        assertThat(aid.grant(aid.readyForDecision(person, "DISASTER", "4000"), "4000").statusCode()).isEqualTo(200);

        assertThat(used(person, "2026-10-05")).isEqualTo(0.0);
        String disaster = aid.get("/api/aid/beneficiaries/" + person + "/cap?event=INCENDIE-2026-17", AGENT).body();
        assertThat(JsonPath.<Double>read(disaster, "$.cap")).isEqualTo(4574.0);
        assertThat(JsonPath.<Double>read(disaster, "$.remaining")).isEqualTo(574.0);
        HttpResponse<String> above = aid.grant(aid.readyForDecision(person, "DISASTER", "575"), "575");
        assertThat(above.statusCode()).isEqualTo(422);
        assertThat(JsonPath.<Double>read(above.body(), "$.remaining")).isEqualTo(574.0);
        assertThat(aid.grant(aid.readyForDecision(person, "ENERGY", "3287"), "3287").statusCode()).isEqualTo(200);
    }

    @Test
    void oneMonthOfDomicileInParisIsRequired() {
        clock.set(LocalDate.of(2026, 11, 20).atTime(14, 0));
        UUID arrived = aid.person(LocalDate.of(2026, 10, 31));
        UUID homeless = aid.withoutFixedAddress();

        HttpResponse<String> refused = aid.grant(aid.readyForDecision(arrived, "FOOD", "100"), "100");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(JsonPath.<String>read(refused.body(), "$.type")).isEqualTo("urn:guichet:problem:domicile-too-recent");
        assertThat(aid.grant(aid.readyForDecision(homeless, "FOOD", "100"), "100").statusCode())
                .as("no fixed address: attached to a PSA, capped at 2 830 €").isEqualTo(200);
        assertThat(JsonPath.<Double>read(aid.get("/api/aid/beneficiaries/" + homeless + "/cap", AGENT).body(), "$.cap")).isEqualTo(2830.0);
    }

    @Test
    void parallelGrantsForOneHouseholdNeverExceedItsCapTogether() throws Exception {
        List<UUID> couple = aid.couple(LocalDate.of(2010, 1, 1));
        List<String> ready = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ready.add(aid.readyForDecision(couple.get(i % 2), "OTHER", "1000"));
        }

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> decisions = new ArrayList<>();
        for (String id : ready) {
            decisions.add(pool.submit((Callable<Integer>) () -> aid.grant(id, "1000").statusCode()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> decision : decisions) {
            statuses.add(decision.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 422).hasSize(5);
        Double granted = jdbc.sql("""
                        select coalesce(sum(d.amount), 0) from aid_decision d join aid_application a on a.id = d.application_id
                         where d.outcome = 'GRANTED' and a.beneficiary_id in (:members)
                        """).param("members", couple).query(Double.class).single();
        assertThat(granted).isEqualTo(3000.0);
        assertThat(JsonPath.<Double>read(aid.get("/api/aid/beneficiaries/" + couple.get(1) + "/cap", AGENT).body(), "$.remaining"))
                .isEqualTo(287.0);
    }

    @Test
    void aRefusalIsAppealedAndDecidedAgainAndTheLetterGivesTheReasonsAndTheAppealRoutes() throws Exception {
        UUID person = aid.person(LocalDate.of(2015, 3, 1));
        String id = aid.readyForDecision(person, "EQUIPMENT", "600");

        HttpResponse<String> refused = aid.post("/api/aid/applications/" + id + "/decision", DIRECTOR,
                "{\"outcome\":\"REFUSED\",\"reasonCode\":\"STATUTORY_BENEFITS_NOT_CLAIMED\",\"reasonText\":\"Demander d'abord l'aide du FSL.\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
        assertThat(letterText(id, AGENT)).contains("est rejetée", "prestations légales", "Demander d'abord l'aide du FSL.",
                "Tribunal administratif de Paris", "deux mois");

        HttpResponse<String> byTheRefuser = aid.post("/api/aid/applications/" + id + "/appeal", DIRECTOR,
                "{\"reason\":\"Je reviens sur ma décision.\"}");
        assertThat(byTheRefuser.statusCode()).as("the director who refused does not file the appeal").isEqualTo(403);
        assertThat(JsonPath.<String>read(byTheRefuser.body(), "$.type")).isEqualTo("urn:guichet:problem:four-eyes");
        HttpResponse<String> appealed = aid.post("/api/aid/applications/" + id + "/appeal", AGENT,
                "{\"reason\":\"Le FSL a refusé le 2 novembre.\"}");
        assertThat(JsonPath.<String>read(appealed.body(), "$.status")).isEqualTo("APPEALED");
        HttpResponse<String> granted = aid.grant(id, "600");

        assertThat(granted.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<Boolean>>read(granted.body(), "$.decisions[*].onAppeal")).containsExactly(false, true);
        assertThat(letterText(id, AGENT)).contains("prise sur votre recours", "Montant accordé : 600,00 €");
    }

    /** Issue #36: a second identical rent-arrears aid was accepted minutes later. */
    @Test
    void aSecondApplicationOfTheSameKindWithinThirtyDaysAsksTheAgentsConfirmation() {
        UUID person = aid.person(LocalDate.of(2015, 3, 1));
        java.util.function.BiFunction<String, String, String> unconfirmed = (category, amount) ->
                AidFixture.filing(person, category, amount).replace("\"repeatConfirmed\":true,", "");
        String first = JsonPath.read(aid.post("/api/aid/applications", AGENT, unconfirmed.apply("RENT_ARREARS", "300")).body(),
                "$.number");

        HttpResponse<String> again = aid.post("/api/aid/applications", AGENT, unconfirmed.apply("RENT_ARREARS", "300"));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(JsonPath.<String>read(again.body(), "$.type")).isEqualTo("urn:guichet:problem:repeat-filing");
        assertThat(JsonPath.<String>read(again.body(), "$.existing")).isEqualTo(first);
        assertThat(JsonPath.<Boolean>read(again.body(), "$.confirmable")).isTrue();
        assertThat(aid.post("/api/aid/applications", AGENT, unconfirmed.apply("WATER", "80")).statusCode())
                .as("another kind of need is no repeat").isEqualTo(201);
        HttpResponse<String> confirmed = aid.post("/api/aid/applications", AGENT,
                AidFixture.filing(person, "RENT_ARREARS", "300"));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(201);
        assertThat(JsonPath.<String>read(confirmed.body(), "$.number")).isNotEqualTo(first);
    }

    @Test
    void aFailedPaymentIsOrderedAgainOnceACorrectedPayeeIsConfirmedByASecondAgent() {
        UUID person = aid.person(LocalDate.of(2015, 3, 1));
        String id = aid.readyForDecision(person, "WATER", "150");
        String reference = JsonPath.read(aid.grant(id, "150").body(), "$.payments[0].reference");
        ConsumerRecord<String, String> order = first("payment-orders.v1", r -> r.value().contains(reference));
        confirm("{\"orderId\":\"" + JsonPath.read(order.value(), "$.orderId") + "\",\"reference\":\"" + reference
                + "\",\"amount\":150,\"status\":\"FAILED\",\"reason\":\"AC04 compte clos\","
                + "\"settledAt\":\"" + clock.instant() + "\"}", UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                JsonPath.<String>read(aid.get("/api/aid/applications/" + id, AGENT).body(), "$.status")).isEqualTo("PAYMENT_FAILED"));

        HttpResponse<String> badIban = aid.send("PUT", "/api/aid/applications/" + id + "/payee", AGENT, UUID.randomUUID(),
                "{\"kind\":\"BENEFICIARY\",\"iban\":\"FR76 3000 6000 0112 3456 7890 188\"}");
        assertThat(badIban.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(badIban.body(), "$.errors[*].field")).containsExactly("iban");
        HttpResponse<String> proposed = aid.send("PUT", "/api/aid/applications/" + id + "/payee", AGENT, UUID.randomUUID(),
                "{\"kind\":\"BENEFICIARY\",\"iban\":\"DE89 3704 0044 0532 0130 00\"}");
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(proposed.body(), "$.status")).as("nothing paid on one agent's word").isEqualTo("PAYMENT_FAILED");
        assertThat(JsonPath.<String>read(proposed.body(), "$.pendingPayee.iban")).isEqualTo("DE89 **** 3000");
        assertThat(JsonPath.<String>read(proposed.body(), "$.pendingPayee.proposedBy")).isEqualTo("agent13");

        HttpResponse<String> alone = aid.send("POST", "/api/aid/applications/" + id + "/payee/confirmation", AGENT,
                UUID.randomUUID(), "");
        assertThat(alone.statusCode()).as("the proposer cannot confirm").isEqualTo(403);
        assertThat(JsonPath.<String>read(alone.body(), "$.type")).isEqualTo("urn:guichet:problem:four-eyes");
        HttpResponse<String> otherSection = aid.send("POST", "/api/aid/applications/" + id + "/payee/confirmation",
                TestTokens.of("agent18", "AGENT", "18"), UUID.randomUUID(), "");
        assertThat(otherSection.statusCode()).isEqualTo(403);
        HttpResponse<String> corrected = aid.send("POST", "/api/aid/applications/" + id + "/payee/confirmation",
                TestTokens.of("collegue13", "AGENT", "13"), UUID.randomUUID(), "");

        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(corrected.body(), "$.status")).isEqualTo("PAYMENT_ORDERED");
        assertThat(corrected.body()).doesNotContain("pendingPayee");
        assertThat(JsonPath.<List<String>>read(aid.get("/api/aid/audit?resourceId=" + id, TestTokens.supervisor()).body(),
                "$[?(@.username == 'kafka:payment-confirmations.v1')].operation")).containsExactly("APPLY payment-confirmation");
        assertThat(JsonPath.<List<Integer>>read(corrected.body(), "$.payments[*].attempt")).containsExactly(1, 2);
        ConsumerRecord<String, String> again = first("payment-orders.v1", r -> r.value().contains(reference.replaceAll("-1$", "-2")));
        assertThat(JsonPath.<String>read(again.value(), "$.payee.iban")).isEqualTo("DE89370400440532013000");
        assertThat(JsonPath.<String>read(again.value(), "$.payee.accountHolder")).isEqualTo("Jeanne Martin-O'Brien");
    }

    /**
     * The treasury answers every service's orders on one topic: an answer to another service's order (a monthly run's,
     * by the ten thousand) is passed by after one read, recorded nowhere (no processed event, no trail, no parking), and
     * the aid's own answer behind it is applied.
     */
    @Test
    void anAnswerToAnotherServicesOrderIsPassedByAndRecordedNowhere() {
        UUID person = aid.person(LocalDate.of(2015, 3, 1));
        String id = aid.readyForDecision(person, "FOOD", "60");
        String reference = JsonPath.read(aid.grant(id, "60").body(), "$.payments[0].reference");
        String orderId = JsonPath.read(first("payment-orders.v1", r -> r.value().contains(reference)).value(), "$.orderId");
        String othersEvent = "others-" + UUID.randomUUID();
        String ownEvent = "own-" + UUID.randomUUID();

        confirm("{\"orderId\":\"" + UUID.randomUUID() + "\",\"reference\":\"PSG-2026-000001-2026-12\",\"amount\":620,"
                + "\"status\":\"PAID\",\"settledAt\":\"" + clock.instant() + "\"}", othersEvent);
        RecordMetadata own = confirm("{\"orderId\":\"" + orderId + "\",\"reference\":\"" + reference + "\",\"amount\":60,"
                + "\"status\":\"PAID\",\"settledAt\":\"" + clock.instant() + "\"}", ownEvent);
        Topics.awaitConsumed(kafka, "aid-service.payment-confirmations", own);

        assertThat(JsonPath.<String>read(aid.get("/api/aid/applications/" + id, AGENT).body(), "$.status")).isEqualTo("PAID");
        assertThat(jdbc.sql("select event_id from processed_event where event_id in (:ids)").param("ids", List.of(othersEvent, ownEvent))
                .query(String.class).list()).as("only the aid's own answer is recorded as processed").containsExactly(ownEvent);
        assertThat(jdbc.sql("select count(*) from parked_record where payload like '%PSG-2026-000001-2026-12%'").query(Long.class).single())
                .isZero();
    }

    @Test
    void aConfirmationThatDoesNotMatchItsOrderIsParkedAndNeverApplied() {
        UUID person = aid.person(LocalDate.of(2015, 3, 1));
        String id = aid.readyForDecision(person, "WATER", "150");
        String reference = JsonPath.read(aid.grant(id, "150").body(), "$.payments[0].reference");
        String orderId = JsonPath.read(first("payment-orders.v1", r -> r.value().contains(reference)).value(), "$.orderId");
        String head = "{\"orderId\":\"" + orderId + "\",";
        String settled = ",\"status\":\"FAILED\",\"reason\":\"AC04\",\"settledAt\":\"" + clock.instant() + "\"}";

        List<RecordMetadata> forged = List.of(
                confirm(head + "\"reference\":\"" + reference + "\",\"amount\":15" + settled, UUID.randomUUID().toString()),
                confirm(head + "\"reference\":\"AE-1999-000001-1\",\"amount\":150" + settled, UUID.randomUUID().toString()),
                confirm(head + "\"amount\":150" + settled, UUID.randomUUID().toString()),
                confirm(head + "\"reference\":\"" + reference + "\",\"amount\":150,\"status\":\"FAILED\",\"reason\":\"AC04\","
                        + "\"settledAt\":\"" + clock.instant().plus(Duration.ofDays(3)) + "\"}", UUID.randomUUID().toString()));
        Topics.awaitConsumed(kafka, "aid-service.payment-confirmations", forged);

        assertThat(JsonPath.<String>read(aid.get("/api/aid/applications/" + id, AGENT).body(), "$.status")).isEqualTo("PAYMENT_ORDERED");
        List<String> reasons = jdbc.sql("select reasons from parked_record where payload like :order order by id")
                .param("order", "%" + orderId + "%").query(String.class).list();
        assertThat(reasons).hasSize(4);
        assertThat(reasons.get(0)).contains("amount 15 is not the order's (150.00)");
        assertThat(reasons.get(1)).contains("reference AE-1999-000001-1 is not the order's");
        assertThat(reasons.get(2)).contains("no reference");
        assertThat(reasons.get(3)).contains("in the future");
        assertThat(aid.get("/actuator/parked", TestTokens.supervisor()).body()).as("listed for operators, without the payload")
                .contains("payment-confirmations.v1", "amount 15 is not the order's").doesNotContain("AC04");
        String waiting = aid.get("/actuator/partnerorders", TestTokens.supervisor()).body();
        assertThat(JsonPath.<String>read(waiting, "$.treasury.answerTime")).as("the order still waits, within the agreed time").isEqualTo("PT72H");
        assertThat(JsonPath.<List<String>>read(waiting, "$.treasury.orders[*].reference")).doesNotContain(reference);
        String trail = aid.get("/api/aid/audit?resourceId=" + id, TestTokens.supervisor()).body();
        assertThat(JsonPath.<List<String>>read(trail, "$[?(@.username == 'kafka:payment-confirmations.v1')].operation"))
                .as("what came from outside is in the file's trail, with its source").hasSize(4)
                .containsOnly("PARK payment-confirmation");
        ConsumerRecord<String, String> deadLetter = first("payment-confirmations.v1.dlt",
                r -> r.value().contains(orderId) && r.value().contains("\"amount\":15,"));
        assertThat(header(deadLetter, "guichet_rejection_reason")).as("the treasury reads why, on its topic's dead letters")
                .isEqualTo("amount 15 is not the order's (150.00)");
        assertThat(header(deadLetter, "kafka_dlt-original-consumer-group")).isEqualTo("aid-service.payment-confirmations");
    }

    @Test
    void aConfirmationNotValidAgainstItsSchemaIsRefusedWithItsReasonsAndChangesNothing() {
        UUID person = aid.person(LocalDate.of(2015, 3, 1));
        String id = aid.readyForDecision(person, "WATER", "120");
        String reference = JsonPath.read(aid.grant(id, "120").body(), "$.payments[0].reference");
        String orderId = JsonPath.read(first("payment-orders.v1", r -> r.value().contains(reference)).value(), "$.orderId");
        String invalid = "{\"orderId\":\"" + orderId + "\",\"reference\":\"" + reference + "\",\"amount\":120,\"status\":\"MAYBE\"}";

        RecordMetadata refused = confirm(invalid, UUID.randomUUID().toString());
        RecordMetadata untyped = Topics.send(kafka, "payment-confirmations.v1", "treasury", invalid.replace("MAYBE", "PAID")
                .replace("}", ",\"settledAt\":\"" + clock.instant() + "\"}"), UUID.randomUUID().toString(), null);
        Topics.awaitConsumed(kafka, "aid-service.payment-confirmations", List.of(refused, untyped));

        assertThat(JsonPath.<String>read(aid.get("/api/aid/applications/" + id, AGENT).body(), "$.status")).isEqualTo("PAYMENT_ORDERED");
        String reasons = header(first("payment-confirmations.v1.dlt", r -> r.value().contains("MAYBE") && r.value().contains(orderId)),
                "guichet_rejection_reason");
        assertThat(reasons).contains("status", "settledAt");
        assertThat(header(first("payment-confirmations.v1.dlt", r -> r.value().contains(orderId) && r.value().contains("PAID")),
                "guichet_rejection_reason")).startsWith("no ce_type header");
        assertThat(aid.get("/actuator/deadletters", TestTokens.supervisor()).body()).as("a refused record is not to be replayed")
                .doesNotContain("payment-confirmations.v1");
    }

    @Test
    void anIncompleteFileLapsesTheDayAfterItsTwoMonthsAndACompleteOneDoesNot() {
        UUID person = aid.person(LocalDate.of(2015, 3, 1));
        String body = AidFixture.filing(person, "ENERGY", "200").replace("\"reason\"", "\"missingDocuments\":[\"Facture EDF\"],\"reason\"");
        clock.set(LocalDate.of(2026, 7, 10).atTime(16, 30));
        String incomplete = JsonPath.read(aid.post("/api/aid/applications", AGENT, body).body(), "$.id");
        String completed = JsonPath.read(aid.post("/api/aid/applications", AGENT, body).body(), "$.id");
        assertThat(aid.send("PUT", "/api/aid/applications/" + completed + "/missing-documents", AGENT, UUID.randomUUID(),
                "{\"missingDocuments\":[]}").statusCode()).isEqualTo(200);
        HttpResponse<String> early = aid.post("/api/aid/applications/" + incomplete + "/examination", DIRECTOR, "{\"assessment\":\"ok\"}");
        assertThat(early.statusCode()).isEqualTo(200);
        HttpResponse<String> undecidable = aid.post("/api/aid/applications/" + incomplete + "/decision",
                TestTokens.of("directeur13bis", "SECTION_DIRECTOR", "13"), "{\"outcome\":\"GRANTED\",\"amount\":200}");
        assertThat(undecidable.statusCode()).isEqualTo(422);
        assertThat(JsonPath.<String>read(undecidable.body(), "$.type")).isEqualTo("urn:guichet:problem:incomplete-file");

        // 10 July to 10 September: two months of 62 days
        assertThat(statusAfterLapseCheck(incomplete, LocalDate.of(2026, 9, 9))).isEqualTo("UNDER_EXAMINATION");
        assertThat(statusAfterLapseCheck(incomplete, LocalDate.of(2026, 9, 10))).as("the last day of the two months")
                .isEqualTo("UNDER_EXAMINATION");
        assertThat(statusAfterLapseCheck(incomplete, LocalDate.of(2026, 9, 11))).isEqualTo("LAPSED");
        applications.lapseIncomplete();

        String lapsed = aid.get("/api/aid/applications/" + incomplete, AGENT).body();
        assertThat(JsonPath.<List<String>>read(lapsed, "$.history[*].transition")).containsOnlyOnce("LAPSED");
        assertThat(JsonPath.<String>read(aid.get("/api/aid/applications/" + completed, AGENT).body(), "$.status")).isEqualTo("RECEIVED");
    }

    @Test
    void twoMonthsAreCalendarMonthsAlsoWhenTheyHold59Days() {
        UUID person = aid.person(LocalDate.of(2015, 3, 1));
        String body = AidFixture.filing(person, "ENERGY", "200").replace("\"reason\"", "\"missingDocuments\":[\"Avis d'imposition\"],\"reason\"");
        clock.set(LocalDate.of(2027, 1, 10).atTime(9, 15));
        String incomplete = JsonPath.read(aid.post("/api/aid/applications", AGENT, body).body(), "$.id");

        // 10 January to 10 March 2027: two months of 59 days; 62 days later would already be 13 March
        assertThat(statusAfterLapseCheck(incomplete, LocalDate.of(2027, 3, 9))).isEqualTo("RECEIVED");
        assertThat(statusAfterLapseCheck(incomplete, LocalDate.of(2027, 3, 10))).isEqualTo("RECEIVED");
        assertThat(statusAfterLapseCheck(incomplete, LocalDate.of(2027, 3, 11))).isEqualTo("LAPSED");
    }

    /** Runs the lapse check as of {@code day} (just after midnight and late in the evening, Paris time); the status then. */
    private String statusAfterLapseCheck(String application, LocalDate day) {
        clock.set(day.atTime(0, 5));
        applications.lapseIncomplete();
        clock.set(day.atTime(23, 55));
        applications.lapseIncomplete();
        return JsonPath.read(aid.get("/api/aid/applications/" + application, AGENT).body(), "$.status");
    }

    @Test
    void aRequestCapturedDuringAnOutageKeepsItsReceptionTime() {
        UUID person = aid.person(LocalDate.of(2015, 3, 1));
        clock.set(LocalDate.of(2026, 12, 1).atTime(10, 0));
        Instant captured = LocalDate.of(2026, 11, 28).atTime(15, 42).atZone(PARIS).toInstant();
        String body = AidFixture.filing(person, "FOOD", "80").replace("\"reason\"", "\"receivedAt\":\"" + captured + "\",\"reason\"");

        HttpResponse<String> filed = aid.post("/api/aid/applications", AGENT, body);

        assertThat(filed.statusCode()).isEqualTo(201);
        assertThat(Instant.parse(JsonPath.read(filed.body(), "$.receipt.receivedAt"))).isEqualTo(captured);
        HttpResponse<String> future = aid.post("/api/aid/applications", AGENT, body.replace(captured.toString(),
                clock.instant().plus(Duration.ofMinutes(6)).toString()));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(future.body(), "$.errors[*].field")).containsExactly("receivedAt");
    }

    @Test
    void anInvalidApplicationNamesEveryBadField() {
        HttpResponse<String> refused = aid.post("/api/aid/applications", AGENT, """
                {"category":"DISASTER","requestedAmount":-5,"reason":" ",
                 "payee":{"kind":"CREDITOR","iban":"FR00 1234"},"section":"21","missingDocuments":[""]}
                """);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(refused.body(), "$.errors[*].field")).containsExactlyInAnyOrder("beneficiaryId",
                "disasterEvent", "requestedAmount", "reason", "payee.accountHolder", "payee.iban", "section", "missingDocuments[0]");
        HttpResponse<String> badCategory = aid.post("/api/aid/applications", AGENT,
                AidFixture.filing(UUID.randomUUID(), "LOTTERY", "10"));
        assertThat(badCategory.statusCode()).isEqualTo(400);
        assertThat(badCategory.body()).contains("category");
        HttpResponse<String> unknown = aid.post("/api/aid/applications", AGENT, AidFixture.filing(UUID.randomUUID(), "FOOD", "10"));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(JsonPath.<String>read(unknown.body(), "$.type")).isEqualTo("urn:guichet:problem:beneficiary-unknown");
    }

    @Test
    void rolesSectionsAndFourEyesAreEnforcedAndEveryAttemptIsAudited() {
        UUID person = aid.person(LocalDate.of(2015, 3, 1));
        String filedByDirector = JsonPath.read(aid.post("/api/aid/applications", DIRECTOR,
                AidFixture.filing(person, "FOOD", "90")).body(), "$.id");
        aid.post("/api/aid/applications/" + filedByDirector + "/examination", SOCIAL_WORKER, "{\"assessment\":\"ok\"}");
        String examinedByDirector = JsonPath.read(aid.post("/api/aid/applications", AGENT,
                AidFixture.filing(person, "FOOD", "90")).body(), "$.id");
        aid.post("/api/aid/applications/" + examinedByDirector + "/examination", DIRECTOR, "{\"assessment\":\"ok\"}");

        HttpResponse<String> filedAndDecides = aid.grant(filedByDirector, "90");
        HttpResponse<String> examinedAndDecides = aid.grant(examinedByDirector, "90");
        HttpResponse<String> agentDecides = aid.post("/api/aid/applications/" + filedByDirector + "/decision", AGENT,
                "{\"outcome\":\"GRANTED\",\"amount\":90}");
        HttpResponse<String> agentExamines = aid.post("/api/aid/applications/" + filedByDirector + "/examination", AGENT,
                "{\"assessment\":\"ok\"}");
        HttpResponse<String> otherSection = aid.post("/api/aid/applications/" + filedByDirector + "/decision",
                TestTokens.of("directeur18", "SECTION_DIRECTOR", "18"), "{\"outcome\":\"GRANTED\",\"amount\":90}");
        HttpResponse<String> otherSectionReads = aid.get("/api/aid/applications/" + filedByDirector, TestTokens.of("agent18", "AGENT", "18"));
        HttpResponse<String> supervisorDecides = aid.post("/api/aid/applications/" + filedByDirector + "/decision",
                TestTokens.supervisor(), "{\"outcome\":\"GRANTED\",\"amount\":90}");

        assertThat(filedAndDecides.statusCode()).isEqualTo(403);
        assertThat(JsonPath.<String>read(filedAndDecides.body(), "$.type")).isEqualTo("urn:guichet:problem:four-eyes");
        assertThat(JsonPath.<String>read(filedAndDecides.body(), "$.detail")).contains("filed");
        assertThat(examinedAndDecides.statusCode()).isEqualTo(403);
        assertThat(JsonPath.<String>read(examinedAndDecides.body(), "$.detail")).contains("examined");
        assertThat(agentDecides.statusCode()).isEqualTo(403);
        assertThat(agentExamines.statusCode()).isEqualTo(403);
        assertThat(otherSection.statusCode()).isEqualTo(403);
        assertThat(otherSectionReads.statusCode()).isEqualTo(403);
        assertThat(supervisorDecides.statusCode()).isEqualTo(403);
        assertThat(aid.get("/api/aid/applications/" + filedByDirector, TestTokens.supervisor()).statusCode()).isEqualTo(200);
        assertThat(aid.grant(filedByDirector, "1").statusCode()).as("nothing was decided").isEqualTo(403);
        assertThat(JsonPath.<String>read(aid.get("/api/aid/applications/" + filedByDirector, AGENT).body(), "$.status"))
                .isEqualTo("UNDER_EXAMINATION");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String audit = aid.get("/api/aid/audit?resourceId=" + filedByDirector, TestTokens.supervisor()).body();
            assertThat(JsonPath.<List<String>>read(audit, "$[?(@.operation == 'POST /api/aid/applications/{id}/decision')].outcome"))
                    .as("every decision attempt, refused ones included").hasSizeGreaterThanOrEqualTo(5);
            assertThat(JsonPath.<List<String>>read(audit, "$[*].username")).contains("directeur13", "agent13", "directeur18", "agent18");
        });
        assertThat(JsonPath.<Boolean>read(aid.get("/api/aid/audit/verification", TestTokens.supervisor()).body(), "$.valid")).isTrue();
    }

    @Test
    void theDirectorsReportCountsAndSumsBySectionMonthCategoryAndOutcomeAsJsonAndCsv() {
        clock.set(LocalDate.of(2026, 5, 1).atTime(0, 30)); // 30 April 22:30 UTC: the report counts Paris months
        String director20 = TestTokens.of("directeur20", "SECTION_DIRECTOR", "20");
        String agent20 = TestTokens.of("agent20", "AGENT", "20");
        String worker20 = TestTokens.of("travailleur20", "SOCIAL_WORKER", "20");
        UUID person = aid.person(LocalDate.of(2015, 3, 1), "20");
        List<String> ids = new ArrayList<>();
        for (String amount : List.of("100", "250.50", "300")) {
            String id = JsonPath.read(aid.post("/api/aid/applications", agent20, AidFixture.filing(person, "ENERGY", amount)).body(), "$.id");
            aid.post("/api/aid/applications/" + id + "/examination", worker20, "{\"assessment\":\"ok\"}");
            ids.add(id);
        }
        aid.post("/api/aid/applications/" + ids.get(0) + "/decision", director20, "{\"outcome\":\"GRANTED\",\"amount\":100}");
        aid.post("/api/aid/applications/" + ids.get(1) + "/decision", director20, "{\"outcome\":\"GRANTED\",\"amount\":200}");
        aid.post("/api/aid/applications/" + ids.get(2) + "/decision", director20,
                "{\"outcome\":\"REFUSED\",\"reasonCode\":\"RESOURCES_SUFFICIENT\"}");
        String month = "2026-05";

        HttpResponse<String> report = aid.get("/api/aid/reports?section=20&from=" + month + "&to=" + month, director20);

        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        assertThat(JsonPath.<List<Integer>>read(report.body(), "$.rows[?(@.outcome == 'GRANTED')].count")).containsExactly(2);
        assertThat(JsonPath.<List<Double>>read(report.body(), "$.rows[?(@.outcome == 'GRANTED')].granted")).containsExactly(300.0);
        assertThat(JsonPath.<List<Double>>read(report.body(), "$.rows[?(@.outcome == 'GRANTED')].requested")).containsExactly(350.5);
        assertThat(JsonPath.<List<Integer>>read(report.body(), "$.rows[?(@.outcome == 'REFUSED')].count")).containsExactly(1);
        assertThat(JsonPath.<Integer>read(report.body(), "$.totals.count")).isEqualTo(3);

        HttpResponse<String> csv = Http.send(HttpRequest.newBuilder(URI.create(aid.url("/api/aid/reports?section=20&from="
                        + month + "&to=" + month))).header("Authorization", "Bearer " + director20).header("Accept", "text/csv").build());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        // UTF-8 with a byte order mark, months as words: what a spreadsheet set to French opens right.
        assertThat(csv.body().split("\r\n")).containsExactly(
                "\uFEFFmois;catégorie;issue;nombre;montant demandé;montant accordé",
                "mai 2026;Énergie (impayés d'électricité ou de gaz);accordée;2;350,50;300,00",
                "mai 2026;Énergie (impayés d'électricité ou de gaz);rejetée;1;300,00;0,00",
                "total;;;3;650,50;300,00");

        assertThat(aid.get("/api/aid/reports?section=20&from=" + month + "&to=" + month, agent20).statusCode()).isEqualTo(403);
        assertThat(aid.get("/api/aid/reports?section=20&from=" + month + "&to=" + month, DIRECTOR).statusCode()).isEqualTo(403);
        assertThat(aid.get("/api/aid/reports?section=20&from=" + month + "&to=" + month, TestTokens.supervisor()).statusCode()).isEqualTo(200);
        HttpResponse<String> bad = aid.get("/api/aid/reports?section=20&from=janvier&to=" + month, director20);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(bad.body(), "$.errors[*].field")).containsExactly("from");
    }

    private double used(UUID person, String date) {
        return JsonPath.<Number>read(aid.get("/api/aid/beneficiaries/" + person + "/cap?date=" + date, AGENT).body(), "$.used").doubleValue();
    }

    private RecordMetadata confirm(String confirmation, String eventId) {
        return Topics.send(kafka, "payment-confirmations.v1", "treasury", confirmation, eventId);
    }

    private ConsumerRecord<String, String> first(String topic, java.util.function.Predicate<ConsumerRecord<String, String>> match) {
        return Topics.first(consumers, topic, match);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return Topics.header(record, name);
    }

    private String letterText(String id, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(aid.url("/api/aid/applications/" + id + "/letter")))
                .header("Authorization", "Bearer " + token).build();
        HttpResponse<byte[]> letter = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(letter.statusCode()).isEqualTo(200);
        assertThat(letter.headers().firstValue("Content-Type")).contains("application/pdf");
        try (var document = Loader.loadPDF(letter.body())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

}
