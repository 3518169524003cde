package fr.paris.casvp.guichet.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import fr.paris.casvp.guichet.contracts.EventSchemas;
import fr.paris.casvp.guichet.contracts.intake.CommandSignatures;
import fr.paris.casvp.guichet.contracts.intake.QueuedCommand;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptChecks;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptNumber;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptState;
import fr.paris.casvp.guichet.contracts.status.BoardEntry;
import fr.paris.casvp.guichet.gateway.intake.ReceiptsReadiness;
import fr.paris.casvp.guichet.testsupport.Http;
import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import fr.paris.casvp.guichet.testsupport.TestSigningKeys;
import fr.paris.casvp.guichet.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Degraded intake with a real Kafka broker (issue #8): Navigo's service is stopped, exceptional aid answers. An
 * application to Navigo is queued and answered 202 with a receipt; the receipt and the status board say so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "guichet.status.poll-interval=200ms")
@RealInfrastructure(database = "gateway")
class GatewayIntakeIT {

    static final StubService others = StubService.start("aid");
    static final String stoppedTransport = StubService.refusedUrl();

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JsonMapper json;
    @Autowired
    GatewayPeers peers;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    KafkaAdmin admin;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (String service : List.of("beneficiaries", "aid", "solidarity")) {
            registry.add("guichet.services." + service + ".url", others::url);
        }
        registry.add("guichet.services.transport.url", () -> stoppedTransport);
    }

    @AfterAll
    static void stop() {
        others.close();
    }

    @Test
    void anApplicationToAStoppedBenefitIsQueuedWithTheAgentAndAReceiptAndTheBoardShowsItDegraded() throws Exception {
        UUID key = UUID.randomUUID();
        String beneficiary = UUID.randomUUID().toString();
        String body = "{\"beneficiaryId\":\"" + beneficiary + "\",\"navigoCardNumber\":\"1234567890\",\"zones\":\"1-2\"}";

        HttpResponse<String> queued = post("/api/transport/passes", key, body, TestTokens.agent13());
        HttpResponse<String> again = post("/api/transport/passes", key, body, TestTokens.agent13());

        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
        assertThat(JsonPath.<Boolean>read(queued.body(), "$.degraded")).isTrue();
        assertThat(JsonPath.<String>read(queued.body(), "$.receipt.status")).isEqualTo("QUEUED");
        String number = JsonPath.read(queued.body(), "$.receipt.number");
        assertThat(JsonPath.<String>read(again.body(), "$.receipt.number")).as("the same key, the same receipt").isEqualTo(number);

        ConsumerRecord<String, String> command = TopicRecords.first(bootstrapServers, "intake.transport.v1", number);
        assertThat(command.key()).as("in order per beneficiary").isEqualTo(beneficiary);
        assertThat(EventSchemas.violations(QueuedCommand.TYPE, command.value())).isEmpty();
        assertThat(JsonPath.<String>read(command.value(), "$.agent.username")).isEqualTo("agent13");
        assertThat(JsonPath.<List<String>>read(command.value(), "$.agent.roles")).containsExactly("AGENT");
        assertThat(JsonPath.<String>read(command.value(), "$.agent.section")).isEqualTo("13");
        assertThat(JsonPath.<String>read(command.value(), "$.idempotencyKey")).isEqualTo(key.toString());
        assertThat(command.value()).as("what the agent typed is sealed for the service").doesNotContain("1234567890", "navigoCardNumber");
        assertThat(TestSigningKeys.open(JsonPath.read(command.value(), "$.body"))).isEqualTo(body);
        PublicKey gatewayKey = CommandSignatures.trustedKeys(String.valueOf(TestSigningKeys.properties().get("guichet.intake.trusted-keys")))
                .get(TestSigningKeys.KEY_ID);
        assertThat(CommandSignatures.verify(gatewayKey, command.value(), new String(command.headers()
                .lastHeader(CommandSignatures.SIGNATURE_HEADER).value(), StandardCharsets.UTF_8))).as("signed by the gateway").isTrue();
        assertThat(new String(command.headers().lastHeader(CommandSignatures.KEY_ID_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo(TestSigningKeys.KEY_ID);
        assertThat(EventSchemas.violations(ReceiptState.TYPE, TopicRecords.first(bootstrapServers, "receipts.v1", number).value())).isEmpty();

        HttpResponse<String> receipt = Http.get(url("/api/receipts/" + number.toLowerCase()), TestTokens.agent13());
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(receipt.body(), "$.status")).isEqualTo("QUEUED");
        assertThat(JsonPath.<String>read(receipt.body(), "$.benefit")).isEqualTo("transport");
        assertThat(Http.get(url("/api/receipts/" + number)).statusCode()).as("without an account, the birth date").isEqualTo(401);
        assertThat(Http.get(url("/api/receipts/AAAA-BBBB-CCCC"), TestTokens.agent13()).statusCode()).isEqualTo(404);
        assertThat(Http.get(url("/api/receipts/" + number), TestTokens.of("agent18", "AGENT", "18")).statusCode())
                .as("another section's receipt: as if unknown").isEqualTo(404);
        assertThat(Http.get(url("/api/receipts/" + number), TestTokens.supervisor()).statusCode()).isEqualTo(200);
        assertThat(Http.get(url("/api/receipts/" + number + "?birthDate=1950-06-01")).statusCode())
                .as("a queued receipt cannot be checked against a birth date yet: as if unknown, whatever the date").isEqualTo(404);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String board = Http.get(url("/api/status")).body();
            assertThat(field(board, "transport", "availability")).isEqualTo("DEGRADED");
            assertThat(JsonPath.<List<Integer>>read(board, "$.services[?(@.name == 'transport')].queued").get(0)).isGreaterThanOrEqualTo(1);
            assertThat(field(board, "aid", "availability")).isEqualTo("AVAILABLE");
        });
    }

    /**
     * A counter that retries through another instance of the gateway (after the first one died) gets the receipt the
     * first instance gave, read from receipts.v1 (the QUEUED state carries the command's key), and nothing is queued
     * twice.
     */
    @Test
    void aCommandQueuedByAnotherInstanceAndSentAgainHereGetsTheSameReceipt() throws Exception {
        UUID key = UUID.randomUUID();
        ReceiptState byAnotherInstance = new ReceiptState(ReceiptNumber.next(), "transport", ReceiptState.QUEUED,
                Instant.parse("2026-12-02T08:30:00Z"), null, null, "13", List.of(), null, Instant.now(), key);
        assertThat(EventSchemas.violations(ReceiptState.TYPE, json.writeValueAsString(byAnotherInstance))).isEmpty();
        kafka.send("receipts.v1", byAnotherInstance.number(), json.writeValueAsString(byAnotherInstance)).get();
        String body = "{\"beneficiaryId\":\"" + UUID.randomUUID() + "\",\"navigoCardNumber\":\"1234567890\",\"zones\":\"1-2\"}";

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                Http.get(url("/api/receipts/" + byAnotherInstance.number()), TestTokens.agent13()).statusCode() == 200);

        HttpResponse<String> again = post("/api/transport/passes", key, body, TestTokens.agent13());

        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        assertThat(JsonPath.<String>read(again.body(), "$.receipt.number")).isEqualTo(byAnotherInstance.number());
        assertThat(TopicRecords.all(bootstrapServers, "intake.transport.v1", key.toString())).as("not queued again").isEmpty();
    }

    /**
     * Issue #33: transport-service's credentials wrote an aid receipt on receipts.v1 and the gateway served it at once.
     * Now each benefit's topic speaks for that benefit's receipts only, and the gateway's topic says QUEUED only.
     */
    @Test
    void aReceiptIsChangedOnlyByItsOwnBenefitsTopic() throws Exception {
        String number = ReceiptNumber.next();
        Instant received = Instant.parse("2026-12-02T08:30:00Z");
        kafka.send("receipts.v1", number, json.writeValueAsString(new ReceiptState(number, "aid", ReceiptState.QUEUED, received,
                null, null, "13", List.of(), null, Instant.now(), UUID.randomUUID()))).get();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                Http.get(url("/api/receipts/" + number), TestTokens.agent13()).statusCode() == 200);

        // Later than the genuine state: accepted, any of them would win.
        Instant later = Instant.now().plusSeconds(60);
        ReceiptState forged = new ReceiptState(number, "aid", ReceiptState.REJECTED, received, null, null, "18",
                List.of("forged"), null, later);
        kafka.send("receipts.transport.v1", number, json.writeValueAsString(forged)).get();
        kafka.send("receipts.transport.v1", number, json.writeValueAsString(new ReceiptState(number, "transport",
                ReceiptState.REJECTED, received, null, null, "18", List.of("forged"), null, later))).get();
        kafka.send("receipts.v1", number, json.writeValueAsString(forged)).get();
        ReceiptState genuine = new ReceiptState(number, "aid", "RECEIVED", received, UUID.randomUUID(), "AE-13-2026-00001", "13",
                List.of(), new ReceiptChecks(TestSigningKeys.RECEIPT_KEY).of(number, LocalDate.of(1950, 6, 1)), Instant.now(),
                ReceiptState.Details.of(null, false, null, null, List.of("Dernière facture d'électricité", "Avis d'imposition 2025")));
        kafka.send("receipts.aid.v1", number, json.writeValueAsString(genuine)).get();

        // The genuine state, sent last, is read once the forged ones before it on their partitions have been.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(
                JsonPath.<String>read(Http.get(url("/api/receipts/" + number), TestTokens.agent13()).body(), "$.status"))
                .isEqualTo("RECEIVED"));
        Thread.sleep(1_000);
        HttpResponse<String> receipt = Http.get(url("/api/receipts/" + number), TestTokens.agent13());
        assertThat(JsonPath.<String>read(receipt.body(), "$.status")).isEqualTo("RECEIVED");
        assertThat(JsonPath.<String>read(receipt.body(), "$.section")).isEqualTo("13");
        assertThat(Http.get(url("/api/receipts/" + number), TestTokens.of("agent18", "AGENT", "18")).statusCode())
                .as("never moved to section 18").isEqualTo(404);

        // Issue #36: the person reads on "Suivre ma demande" which documents the section still waits for.
        HttpResponse<String> followed = Http.get(url("/api/receipts/" + number + "?birthDate=1950-06-01"));
        assertThat(followed.statusCode()).as(followed.body()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(followed.body(), "$.details.missingDocuments"))
                .containsExactly("Dernière facture d'électricité", "Avis d'imposition 2025");
        assertThat(EventSchemas.violations(ReceiptState.TYPE, json.writeValueAsString(genuine))).isEmpty();
    }

    @Test
    void aQueuedApplicationWhoseBirthDateTheCounterGaveCanBeFollowedOnThePublicPageAtOnce() {
        String body = "{\"beneficiaryId\":\"" + UUID.randomUUID() + "\",\"navigoCardNumber\":\"1234567890\",\"zones\":\"1-2\"}";
        HttpResponse<String> queued = Http.send(HttpRequest.newBuilder(URI.create(url("/api/transport/passes")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TestTokens.agent13())
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("Guichet-Birth-Date", "1950-06-01")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        String number = JsonPath.read(queued.body(), "$.receipt.number");

        HttpResponse<String> followed = Http.get(url("/api/receipts/" + number.toLowerCase().replace("-", "%20") + "?birthDate=1950-06-01"));
        HttpResponse<String> wrongDate = Http.get(url("/api/receipts/" + number + "?birthDate=1950-06-02"));
        HttpResponse<String> page = Http.get(url("/suivi"));

        assertThat(followed.statusCode()).as(followed.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(followed.body(), "$.status")).isEqualTo("QUEUED");
        assertThat(JsonPath.<String>read(followed.body(), "$.section")).isEqualTo("13");
        assertThat(followed.body()).doesNotContain("1950").doesNotContain("agent13");
        assertThat(wrongDate.statusCode()).isEqualTo(404);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Suivre ma demande", "JJ/MM/AAAA", "/api/receipts/");
    }

    @Test
    void aRefusalOrADefectIsTheServicesAnswerOnlyAServiceSayingItCannotWorkIsQueued() {
        String body = "{\"beneficiaryId\":\"" + UUID.randomUUID() + "\",\"category\":\"FOOD\",\"requestedAmount\":50}";

        HttpResponse<String> refused = postAnswered("400", body);
        HttpResponse<String> defect = postAnswered("500", body);
        HttpResponse<String> unavailable = postAnswered("503", body);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"service\":\"aid\"").doesNotContain("receipt");
        assertThat(defect.statusCode()).as("a defect is not an outage: not queued").isEqualTo(500);
        assertThat(defect.body()).contains("\"service\":\"aid\"").doesNotContain("receipt");
        assertThat(unavailable.statusCode()).as("the service says it cannot work: queued").isEqualTo(202);
        assertThat(JsonPath.<String>read(unavailable.body(), "$.receipt.status")).isEqualTo("QUEUED");
        assertThat(field(Http.get(url("/api/status")).body(), "aid", "circuitBreaker")).isEqualTo("CLOSED");
    }

    private HttpResponse<String> postAnswered(String status, String body) {
        return Http.send(HttpRequest.newBuilder(URI.create(url("/api/aid/applications"))).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestTokens.agent13()).header("Idempotency-Key", UUID.randomUUID().toString())
                .header("X-Stub-Status", status).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void aReadOfAStoppedBenefitIs503SayingApplicationsAreStillAccepted() {
        HttpResponse<String> read = Http.get(url("/api/transport/passes/42"), TestTokens.agent13());

        assertThat(read.statusCode()).isEqualTo(503);
        assertThat(JsonPath.<String>read(read.body(), "$.detail")).contains("applications are still accepted");
    }

    @Test
    void aSupervisorPostsAMessageThatTheBoardAndTheWaitingRoomPageShow() {
        HttpResponse<String> byAgent = put("/api/status/message", "{\"service\":\"transport\",\"message\":\"x\"}", TestTokens.agent13());
        HttpResponse<String> bySupervisor = put("/api/status/message",
                "{\"service\":\"transport\",\"message\":\"Navigo : demandes enregistrées, décisions lundi.\"}", TestTokens.supervisor());

        assertThat(byAgent.statusCode()).isEqualTo(403);
        assertThat(bySupervisor.statusCode()).as(bySupervisor.body()).isEqualTo(200);
        assertThat(field(Http.get(url("/api/status")).body(), "transport", "message")).isEqualTo("Navigo : demandes enregistrées, décisions lundi.");
        assertThat(JsonPath.<List<String>>read(Http.get(url("/api/status/incidents")).body(), "$[*].message"))
                .anySatisfy(message -> assertThat(message).contains("décisions lundi"));
        HttpResponse<String> page = Http.get(url("/statut"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("État des services", "/api/status", "setInterval");
    }

    /**
     * Several gateway instances show one board: a message is written to status-board.v1 (valid against its schema),
     * and what another instance wrote there is shown here.
     */
    @Test
    void theBoardsMessagesAreSharedWithTheOtherInstancesThroughKafka() throws Exception {
        HttpResponse<String> set = put("/api/status/message", "{\"message\":\"Fermeture à 16 h ce jeudi.\"}", TestTokens.supervisor());
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        ConsumerRecord<String, String> written = TopicRecords.first(bootstrapServers, "status-board.v1", "Fermeture à 16 h");
        assertThat(written.key()).isEqualTo("*");
        assertThat(EventSchemas.violations(BoardEntry.TYPE, written.value())).isEmpty();

        BoardEntry fromAnotherInstance = BoardEntry.message("aid", "Allocation : réponses demain.", "superviseur2", Instant.now());
        kafka.send("status-board.v1", "aid", json.writeValueAsString(fromAnotherInstance)).get();

        // Polled slowly: these reads count against the limit per client address.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(field(Http.get(url("/api/status")).body(), "aid", "message")).isEqualTo("Allocation : réponses demain.");
            assertThat(JsonPath.<List<String>>read(Http.get(url("/api/status/incidents")).body(), "$[*].message"))
                    .anySatisfy(message -> assertThat(message).contains("réponses demain. (superviseur2)"));
        });
    }

    /**
     * An instance is ready once it has read the receipts that were on receipts.v1 when it looked (its readiness waits
     * for them), or, when that takes too long, ready anyway with what it has.
     */
    @Test
    void readinessWaitsUntilTheReceiptsAreReadOrItsDeadlinePassed() throws Exception {
        assertThat(Http.get(url("/actuator/health/readiness")).statusCode()).isEqualTo(200);
        MessageListenerContainer reader = listeners.getListenerContainer("gateway.receipts");
        reader.stop();
        try {
            ReceiptState written = new ReceiptState(ReceiptNumber.next(), "aid", ReceiptState.QUEUED, Instant.now(), null, null,
                    "13", List.of(), null, Instant.now());
            kafka.send("receipts.v1", written.number(), json.writeValueAsString(written)).get();
            HealthIndicator waiting = readiness(Duration.ofHours(1));
            HealthIndicator impatient = readiness(Duration.ZERO);

            assertThat(waiting.health().getStatus()).as("one receipt not read yet").isEqualTo(Status.DOWN);
            assertThat(impatient.health().getStatus()).as("past its deadline").isEqualTo(Status.UP);
            reader.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> waiting.health().getStatus().equals(Status.UP));
        } finally {
            reader.start();
        }
    }

    private HealthIndicator readiness(Duration timeout) {
        return new ReceiptsReadiness(listeners, admin, timeout);
    }

    /** The gateway counts the instances running (each reads the board in a group of its own): the rate limits' share. */
    @Test
    void theGatewayCountsItsInstancesFromTheirConsumerGroups() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            peers.poll();
            assertThat(peers.count()).as("this instance").isEqualTo(1);
        });
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, GatewayPeers.GROUP_PREFIX + "another-instance",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> another = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            another.subscribe(List.of("status-board.v1"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                another.poll(Duration.ofMillis(200));
                peers.poll();
                assertThat(peers.count()).as("with another instance").isEqualTo(2);
            });
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            peers.poll();
            assertThat(peers.count()).as("the other one gone").isEqualTo(1);
        });
    }

    private static String field(String board, String service, String field) {
        List<Object> values = JsonPath.read(board, "$.services[?(@.name == '" + service + "')]." + field);
        return String.valueOf(values.get(0));
    }


    private HttpResponse<String> post(String path, UUID key, String body, String token) {
        return Http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", key.toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> put(String path, String body, String token) {
        return Http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
