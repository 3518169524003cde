package fr.paris.casvp.guichet.housing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import fr.paris.casvp.guichet.contracts.EventSchemas;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.Address;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.Identity;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.ResidencePeriod;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrderV2;
import fr.paris.casvp.guichet.housing.payment.PaymentRunService;
import fr.paris.casvp.guichet.testsupport.Http;
import fr.paris.casvp.guichet.testsupport.MutableClock;
import fr.paris.casvp.guichet.testsupport.MutableClockConfiguration;
import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import fr.paris.casvp.guichet.testsupport.TestTokens;
import fr.paris.casvp.guichet.testsupport.Topics;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

/** Paris Logement on real PostgreSQL and Kafka: simulation, a file's life, four eyes, the monthly run, the treasury's answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "guichet.figures.stale-interval=PT0.2S",
        // The tests call the run's watch themselves: its own schedule would take a month up before them.
        "guichet.monthly-run.watch-interval=PT1H"})
@RealInfrastructure(database = "housing")
@Import(MutableClockConfiguration.class)
class HousingIT {

    private static final String AGENT = TestTokens.agent13();
    private static final String SOCIAL_WORKER = TestTokens.of("as13", "SOCIAL_WORKER", "13");
    private static final String DIRECTOR = TestTokens.of("directeur13", "SECTION_DIRECTOR", "13");
    private static final String SUPERVISOR = TestTokens.supervisor();
    private static final String ADMINISTRATOR_1 = TestTokens.of("administrateur1", "ADMINISTRATOR", null);
    private static final String ADMINISTRATOR_2 = TestTokens.of("administrateur2", "ADMINISTRATOR", null);
    /** An elderly tenant alone: 1 000 € of resources, 600 € of rent, 50 € of charges, 100 € of housing aid. */
    private static final String ELDERLY_TENANT = """
            {"category": "ELDERLY", "couple": false, "children": 0, "tenure": "TENANT", "leaseholder": true,
             "resources": 1000.00, "rent": 600.00, "rentalCharges": 50.00, "housingAid": 100.00, "housingAidClaimed": true}
            """;

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
    PaymentRunService runs;

    /** Every test runs as of a fixed day (the figures in force then). */
    @BeforeEach
    void today() {
        clock.set(LocalDate.of(2026, 11, 16).atTime(10, 0));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theSimulationSaysTheAllowanceItsFiguresAndWhatIsStale() {
        HttpResponse<String> answer = post("/api/housing/simulations", AGENT, "{\"date\": \"2026-11-16\", \"household\": "
                + ELDERLY_TENANT + "}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(JsonPath.<Boolean>read(answer.body(), "$.eligible")).isTrue();
        assertThat(JsonPath.<String>read(answer.body(), "$.variant")).isEqualTo("ELDERLY");
        assertThat(JsonPath.<Number>read(answer.body(), "$.monthlyAmount").doubleValue()).isEqualTo(84.0);
        // The net SMIC of 1 June 2026 (1 477,96 €), rounded up to the ten.
        assertThat(JsonPath.<Number>read(answer.body(), "$.ceiling").doubleValue()).isEqualTo(1480.0);
        // The CNAF's flat-rate charges were due again on 1 October 2026: no text of them here, and the answer says so.
        assertThat(JsonPath.<List<String>>read(answer.body(), "$.warnings[*].figure")).contains("charges.single");
        // The same, for the supervisors' banner: today's (16 November 2026), and none of them before 1 October.
        String stale = get("/api/housing/parameters/stale").body();
        assertThat(JsonPath.<List<String>>read(stale, "$[*].figure")).contains("charges.single");
        assertThat(JsonPath.<List<String>>read(stale, "$[?(@.figure == 'charges.single')].dueSince")).containsExactly("2026-10-01");
        assertThat(JsonPath.<List<String>>read(stale, "$[*].message")).allMatch(message -> message.contains("revaloris"));
        assertThat(JsonPath.<List<String>>read(get("/api/housing/parameters/stale?date=2026-09-15").body(), "$[*].figure"))
                .doesNotContain("charges.single");
        // And for the operators' alert (GuichetDatedFigureStale): the CNAF's charges 1, the SMIC of 1 June 2026 current.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Http.get(url("/actuator/prometheus"), SUPERVISOR).body())
                .containsPattern("guichet_dated_figure_stale\\{[^}]*family=\"cnaf-charges\",figure=\"charges.single\"} 1.0")
                .containsPattern("guichet_dated_figure_stale\\{[^}]*family=\"smic\",figure=\"smic.net.monthly\"} 0.0"));
        // The "Paramètres" screen: each figure's history, the latest first, with its source; the stale ones with their warning.
        String families = get("/api/housing/parameters/families").body();
        assertThat(JsonPath.<List<String>>read(families, "$[*].figures[?(@.name == 'smic.net.monthly')].history[0].source").get(0))
                .startsWith("SMIC horaire brut 12,31 €");
        assertThat(JsonPath.<List<String>>read(families, "$[*].figures[?(@.name == 'charges.single')].stale.dueSince"))
                .containsExactly("2026-10-01");
        List<Map<String, Object>> smic = JsonPath.read(families, "$[*].figures[?(@.name == 'smic.net.monthly')]");
        assertThat(smic).hasSize(1);
        assertThat(smic.get(0).get("stale")).as("revalued on 1 June 2026").isNull();
        HttpResponse<String> refused = post("/api/housing/simulations", AGENT, "{\"date\": \"2026-11-16\", \"household\": "
                + ELDERLY_TENANT.replace("1000.00", "1500.00") + "}");
        assertThat(JsonPath.<Boolean>read(refused.body(), "$.eligible")).isFalse();
        assertThat(JsonPath.<List<String>>read(refused.body(), "$.reasons[*].code")).containsExactly("RESOURCES_ABOVE_CEILING");
        assertThat(JsonPath.<List<String>>read(refused.body(), "$.reasons[*].text")).allMatch(text -> text.contains("plafond"));
        // RM II 2.1 d/4: the social aid pays the accommodation; and an establishment is not a family's.
        HttpResponse<String> establishment = post("/api/housing/simulations", AGENT, "{\"date\": \"2026-11-16\", \"household\": "
                + ELDERLY_TENANT.replace("\"couple\"", "\"residence\": \"ACCOMMODATION_PAID_BY_SOCIAL_AID\", \"couple\"") + "}");
        assertThat(JsonPath.<List<String>>read(establishment.body(), "$.reasons[*].code")).containsExactly("ACCOMMODATION_PAID_BY_SOCIAL_AID");
        HttpResponse<String> family = post("/api/housing/simulations", AGENT, "{\"date\": \"2026-11-16\", \"household\": "
                + ELDERLY_TENANT.replace("\"ELDERLY\"", "\"FAMILY\", \"residence\": \"CASVP_ESTABLISHMENT\"") + "}");
        assertThat(family.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(family.body(), "$.errors[*].field")).containsExactly("household.residence");
        HttpResponse<String> bad = post("/api/housing/simulations", AGENT, "{\"household\": {\"children\": -1, \"rent\": -3}}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(bad.body(), "$.errors[*].field")).containsExactlyInAnyOrder("date",
                "household.category", "household.tenure", "household.children", "household.resources", "household.rent");
    }

    /**
     * The CNAF's flat-rate charges were due again on 1 October 2026: two administrators record the one for each child,
     * no release needed; it is no longer stale and a family's simulation counts it.
     */
    @Test
    void twoAdministratorsRecordAChargeDueAndTheSimulationCountsIt() {
        String family = "{\"date\": \"2026-11-16\", \"household\": " + ELDERLY_TENANT.replace("\"ELDERLY\"", "\"FAMILY\"")
                .replace("\"children\": 0", "\"children\": 1").replace("\"couple\": false", "\"couple\": true") + "}";
        double chargesBefore = JsonPath.<Number>read(post("/api/housing/simulations", AGENT, family).body(), "$.flatCharges").doubleValue();
        assertThat(JsonPath.<List<String>>read(get("/api/housing/parameters/stale").body(), "$[*].figure")).contains("charges.per-child");

        HttpResponse<String> proposed = post("/api/housing/parameters/proposals", ADMINISTRATOR_1, """
                {"name": "charges.per-child", "effectiveFrom": "2026-10-01", "value": 14.25,
                 "source": "Arrêté du 30 septembre 2026 relatif au calcul des aides personnelles au logement"}
                """);
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        String id = JsonPath.read(proposed.body(), "$.id");
        HttpResponse<String> impact = Http.get(url("/api/housing/parameters/proposals/" + id + "/impact"), ADMINISTRATOR_2);
        assertThat(JsonPath.<Number>read(impact.body(), "$.after").doubleValue()).isEqualTo(14.25);
        assertThat(JsonPath.<Number>read(impact.body(), "$.before")).isNotNull();
        assertThat(JsonPath.<String>read(impact.body(), "$.effects")).contains("gardent leur montant");
        assertThat(post("/api/housing/parameters/proposals/" + id + "/approval", ADMINISTRATOR_1, "{}").statusCode())
                .as("four eyes").isEqualTo(403);
        assertThat(post("/api/housing/parameters/proposals/" + id + "/approval", AGENT, "{}").statusCode()).isEqualTo(403);
        HttpResponse<String> approved = post("/api/housing/parameters/proposals/" + id + "/approval", ADMINISTRATOR_2, "{}");

        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(get("/api/housing/parameters/stale").body(), "$[*].figure"))
                .doesNotContain("charges.per-child");
        HttpResponse<String> simulated = post("/api/housing/simulations", AGENT, family);
        assertThat(JsonPath.<Number>read(simulated.body(), "$.flatCharges").doubleValue()).isNotEqualTo(chargesBefore);
        // One child: the flat charges grow by exactly what the charge per child grew (14,25 € less the value it replaced).
        double perChildBefore = JsonPath.<Number>read(impact.body(), "$.before").doubleValue();
        assertThat(JsonPath.<Number>read(simulated.body(), "$.flatCharges").doubleValue())
                .isCloseTo(chargesBefore + 14.25 - perChildBefore, org.assertj.core.api.Assertions.within(0.001));
        assertThat(JsonPath.<List<String>>read(simulated.body(), "$.warnings[*].figure")).doesNotContain("charges.per-child");
        String families = get("/api/housing/parameters/families").body();
        assertThat(JsonPath.<List<String>>read(families, "$[*].figures[?(@.name == 'charges.per-child')].history[0].recordedBy"))
                .containsExactly("administrateur1");
        HttpResponse<String> bad = post("/api/housing/parameters/proposals", ADMINISTRATOR_1,
                "{\"name\": \"charges.unknown\", \"value\": -1}");
        assertThat(JsonPath.<List<String>>read(bad.body(), "$.errors[*].field")).containsExactly("name", "effectiveFrom", "value", "source");
    }

    @Test
    void filedExaminedDecidedByAnotherPaidEveryMonthOnce() {
        UUID person = person();
        HttpResponse<String> filed = post("/api/housing/files", AGENT, filing(person));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String id = JsonPath.read(filed.body(), "$.id");
        String number = JsonPath.read(filed.body(), "$.number");
        assertThat(number).matches("PL-2026-\\d{6}");
        assertThat(JsonPath.<String>read(filed.body(), "$.receipt.status")).isEqualTo("RECEIVED");
        assertThat(JsonPath.<String>read(filed.body(), "$.iban")).doesNotContain("3000600001");
        assertThat(post("/api/housing/files", AGENT, filing(person)).statusCode()).as("a second file while one is examined")
                .isEqualTo(409);

        assertThat(post("/api/housing/files/" + id + "/examination", AGENT, "{}").statusCode()).as("an agent does not examine")
                .isEqualTo(403);
        HttpResponse<String> examined = post("/api/housing/files/" + id + "/examination", SOCIAL_WORKER,
                "{\"notes\": \"Bail et avis d'aide au logement vus.\"}");
        assertThat(examined.statusCode()).as(examined.body()).isEqualTo(200);
        assertThat(JsonPath.<Number>read(examined.body(), "$.examination.assessment.monthlyAmount").doubleValue()).isEqualTo(84.0);
        HttpResponse<String> byExaminer = post("/api/housing/files/" + id + "/decision", TestTokens.of("as13", "SECTION_DIRECTOR", "13"),
                "{\"outcome\": \"GRANTED\"}");
        assertThat(byExaminer.statusCode()).as("who examined does not decide").isEqualTo(403);
        assertThat(byExaminer.body()).contains("four-eyes");
        HttpResponse<String> granted = post("/api/housing/files/" + id + "/decision", DIRECTOR, "{\"outcome\": \"GRANTED\"}");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(granted.body(), "$.status")).isEqualTo("GRANTED");
        assertThat(JsonPath.<String>read(granted.body(), "$.decision.validFrom")).isEqualTo("2026-12-01");
        assertThat(JsonPath.<String>read(granted.body(), "$.decision.validUntil")).isEqualTo("2027-11-30");

        // The decision letter, in French, for a window envelope.
        assertThat(letter(id)).contains("Objet : notification de décision — Paris Logement", "l'allocation Paris Logement (personnes "
                + "âgées) vous est accordée", "par mois, du 1er décembre 2026 au 30 novembre 2027", "Tribunal administratif de Paris")
                .doesNotContain("ELDERLY", "3000600001");

        List<ConsumerRecord<String, String>> steps = records("housing.events.v1", r -> r.value().contains(number), 3);
        assertThat(steps).extracting(r -> JsonPath.<String>read(r.value(), "$.transition")).containsExactly("RECEIVED", "EXAMINED", "GRANTED");
        steps.forEach(r -> assertThat(EventSchemas.violations(Topics.header(r, "ce_type"), r.value())).isEmpty());
        // No name, no id, no resources nor rent (their fields, or the rent's value as a number: a pseudonym's hex may hold "600").
        assertThat(steps.get(2).value()).doesNotContain(person.toString(), "Lefèvre", "\"rent\"", "\"resources\"", ":600");
        List<ConsumerRecord<String, String>> receipts = records("receipts.housing.v1", r -> r.value().contains(number), 3);
        assertThat(receipts).extracting(r -> JsonPath.<String>read(r.value(), "$.status"))
                .containsExactly("RECEIVED", "UNDER_EXAMINATION", "GRANTED");
        assertThat(receipts).allSatisfy(r -> {
            assertThat(JsonPath.<String>read(r.value(), "$.benefit")).isEqualTo("housing");
            assertThat(JsonPath.<String>read(r.value(), "$.birthDateCheck")).as("the person is in the registry's copy").hasSize(64);
        });
        assertThat(JsonPath.<String>read(receipts.get(2).value(), "$.details.amount")).isNotBlank();

        assertThat(post("/api/housing/payment-runs", DIRECTOR, "{\"month\": \"2026-12\"}").statusCode()).isEqualTo(403);
        assertThat(post("/api/housing/payment-runs", SUPERVISOR, "{\"month\": \"2026-11\"}").statusCode()).isEqualTo(200);
        assertThat(payments(id)).as("November is before the grant").isEmpty();
        HttpResponse<String> run = post("/api/housing/payment-runs", SUPERVISOR, "{\"month\": \"2026-12\"}");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(run.body(), "$.status")).isEqualTo("COMPLETED");
        assertThat(post("/api/housing/payment-runs", SUPERVISOR, "{\"month\": \"2026-12\"}").statusCode()).isEqualTo(200);
        assertThat(payments(id)).as("run twice, paid once").hasSize(1);
        ConsumerRecord<String, String> order = Topics.first(consumers, "payment-orders.v2", r -> r.value().contains(number + "-2026-12"));
        assertThat(EventSchemas.violations(PaymentOrderV2.TYPE, order.value())).isEmpty();
        assertThat(JsonPath.<String>read(order.value(), "$.amount")).isEqualTo("84.00");
        assertThat(JsonPath.<String>read(order.value(), "$.issuer")).isEqualTo("housing-service");

        String orderId = JsonPath.read(order.value(), "$.orderId");
        String paid = "{\"orderId\": \"" + orderId + "\", \"reference\": \"" + number + "-2026-12\", \"amount\": \"84.00\","
                + " \"status\": \"PAID\", \"settledAt\": \"" + clock.instant() + "\"}";
        Topics.send(kafka, "payment-confirmations.v2", "treasury", paid);
        // A second answer to the same order, contradicting the first: ignored, the order was answered.
        Topics.send(kafka, "payment-confirmations.v2", "treasury", paid.replace("\"PAID\"", "\"FAILED\", \"reason\": \"AM05\""));
        await().atMost(Duration.ofSeconds(60)).until(() -> "PAID".equals(JsonPath.read(get("/api/housing/files/" + id).body(),
                "$.payments[0].status")));
        assertThat(jdbc.sql("select status from housing_payment where order_id = :id").param("id", UUID.fromString(orderId))
                .query(String.class).single()).isEqualTo("PAID");
    }

    /**
     * A killed instance leaves its month RUNNING, one file paid: the platform's watch (every 30 s, called here) takes the
     * run up once however often it looks, and pays every file once, the one paid before the crash keeping its payment.
     */
    @Test
    void aRunAKilledInstanceLeftIsFinishedByTheWatchEveryFilePaidOnce() {
        String first = granted();
        String second = granted();
        jdbc.sql("insert into housing_payment_run (month, started_by, started_at) values ('2027-01', 'superviseur', now())").update();
        jdbc.sql("""
                        insert into housing_payment (order_id, file_id, month, reference, amount, status, ordered_at)
                        values (gen_random_uuid(), :file, '2027-01', 'AVANT-L-ARRET', 84, 'ORDERED', now())
                        """).param("file", UUID.fromString(first)).update();

        List<YearMonth> queued = runs.resumeUnfinished();
        List<YearMonth> again = runs.resumeUnfinished();

        assertThat(queued).contains(YearMonth.of(2027, 1));
        assertThat(again).as("queued or running here already").doesNotContain(YearMonth.of(2027, 1));
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(JsonPath.read(
                Http.get(url("/api/housing/payment-runs/2027-01"), SUPERVISOR).body(), "$.status")));
        assertThat(JsonPath.<List<String>>read(get("/api/housing/files/" + first).body(), "$.payments[?(@.month == '2027-01')].reference"))
                .containsExactly("AVANT-L-ARRET");
        assertThat(JsonPath.<List<String>>read(get("/api/housing/files/" + second).body(), "$.payments[?(@.month == '2027-01')].status"))
                .containsExactly("ORDERED");
        assertThat(runs.resumeUnfinished()).as("completed: nothing to take up").doesNotContain(YearMonth.of(2027, 1));
    }

    @Test
    void aRefusalNamesItsReasonsAndTheRulesRefuseAGrantTheyDoNotAllow() {
        UUID person = person();
        String id = JsonPath.read(post("/api/housing/files", AGENT, filing(person).replace("1000.00", "1500.00")).body(), "$.id");
        post("/api/housing/files/" + id + "/examination", SOCIAL_WORKER, "{}");

        HttpResponse<String> grant = post("/api/housing/files/" + id + "/decision", DIRECTOR, "{\"outcome\": \"GRANTED\"}");
        assertThat(grant.statusCode()).as(grant.body()).isEqualTo(422);
        assertThat(grant.body()).contains("RESOURCES_ABOVE_CEILING", "urn:guichet:problem:not-eligible");
        HttpResponse<String> noReason = post("/api/housing/files/" + id + "/decision", DIRECTOR, "{\"outcome\": \"REFUSED\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(noReason.body(), "$.errors[*].field")).containsExactly("reasonCodes");
        assertThat(Http.get(url("/api/housing/files/" + id + "/letter"), AGENT).statusCode()).as("no decision, no letter").isEqualTo(409);
        HttpResponse<String> refused = post("/api/housing/files/" + id + "/decision", DIRECTOR,
                "{\"outcome\": \"REFUSED\", \"reasonCodes\": [\"RESOURCES_ABOVE_CEILING\"]}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
        assertThat(letter(id)).contains("votre demande de Paris Logement est rejetée pour le motif suivant",
                "les ressources mensuelles du foyer dépassent le plafond (RM b/2 et annexe)");
        assertThat(JsonPath.<String>read(refused.body(), "$.status")).isEqualTo("REFUSED");
        assertThat(post("/api/housing/files/" + id + "/decision", DIRECTOR, "{\"outcome\": \"GRANTED\"}").statusCode())
                .as("a decided file is decided").isEqualTo(409);
    }

    @Test
    void aFilingNamesEveryBadField() {
        HttpResponse<String> bad = post("/api/housing/files", AGENT, "{\"household\": {\"category\": \"ELDERLY\", \"tenure\": \"TENANT\","
                + " \"resources\": 1000.001, \"rent\": 500}, \"payee\": {\"iban\": \"FR76 1234\"},"
                + " \"receivedAt\": \"2026-08-01T08:00:00Z\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        // A reception time more than two months back (the reception window, a dated figure) is refused too.
        assertThat(JsonPath.<List<String>>read(bad.body(), "$.errors[*].field")).containsExactlyInAnyOrder("beneficiaryId",
                "household.resources", "payee.iban", "receivedAt");
    }

    private static String filing(UUID person) {
        return "{\"beneficiaryId\": \"" + person + "\", \"household\": " + ELDERLY_TENANT
                + ", \"payee\": {\"iban\": \"FR76 3000 6000 0112 3456 7890 189\"}}";
    }

    /** The file's decision letter, as its text on one line. */
    private String letter(String id) {
        try {
            HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(
                    "/api/housing/files/" + id + "/letter"))).header("Authorization", "Bearer " + AGENT).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            // Kept to be looked at (pdftoppm target/printed/lettre-*.pdf): the layout is not asserted here.
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/printed"));
            java.nio.file.Files.write(java.nio.file.Path.of("target/printed/lettre-" + id + ".pdf"), pdf.body());
            try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
                return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            }
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file filed, examined by a social worker and granted by the director, from 1 December 2026; its id. */
    private String granted() {
        String id = JsonPath.read(post("/api/housing/files", AGENT, filing(person())).body(), "$.id");
        assertThat(post("/api/housing/files/" + id + "/examination", SOCIAL_WORKER, "{}").statusCode()).isEqualTo(200);
        assertThat(post("/api/housing/files/" + id + "/decision", DIRECTOR, "{\"outcome\": \"GRANTED\"}").statusCode()).isEqualTo(200);
        return id;
    }

    private List<Object> payments(String id) {
        return JsonPath.read(get("/api/housing/files/" + id).body(), "$.payments");
    }

    private UUID person() {
        UUID id = UUID.randomUUID();
        BeneficiarySituation situation = new BeneficiarySituation(new Identity("Lefèvre", null, "Anne", LocalDate.of(1950, 6, 1), "F", null),
                new Address("8 avenue d'Italie", null, "75013", "Paris", 13), List.of(new ResidencePeriod(LocalDate.of(2005, 1, 1), null)),
                null, List.of(), null, List.of(), List.of(), List.of(), false, "13", null);
        BeneficiarySnapshot snapshot = new BeneficiarySnapshot(id, "B-2026-%06d".formatted(ThreadLocalRandom.current().nextInt(1_000_000)),
                1, Instant.now(), situation, LocalDate.of(2005, 1, 1), null);
        Topics.send(kafka, "beneficiaries.v1", id.toString(), json.writeValueAsString(snapshot));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from beneficiary_replica where beneficiary_id = :id")
                .param("id", id.toString()).query(Long.class).single() == 1);
        return id;
    }

    private List<ConsumerRecord<String, String>> records(String topic, Predicate<ConsumerRecord<String, String>> match, int count) {
        return Topics.read(consumers, topic, match, count);
    }

    private HttpResponse<String> get(String path) {
        return Http.get(url(path), AGENT);
    }

    private HttpResponse<String> post(String path, String token, String body) {
        return Http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
