package fr.paris.casvp.guichet.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #20: an aid filed at the counter is found in the trace store by its receipt number, in one trace that goes from
 * the gateway through aid-service and its database, its event's publication on Kafka, to the service that consumed that
 * event; the service's log line for the filing carries that trace's id. The decision's trace goes on with the payment
 * order and the treasury's answer. An application queued while its service is down keeps the trace of the counter's
 * request through the queue.
 */
@ExtendWith(RunningSuite.class)
@Order(6)
class TracingJourneyIT {

    private static final HttpClient http = HttpClient.newHttpClient();

    private static LocalSuite suite;

    @BeforeAll
    static void suite() {
        suite = RunningSuite.suite();
    }

    @Test
    void oneApplicationIsOneTraceFromTheCounterToTheConsumerOfItsEventAndItsLogLineSaysWhichTrace() throws Exception {
        GatewayClient agent = new GatewayClient(suite, "agent13");
        String person = registeredAndKnownToAidService(agent, "Traçabilité");

        HttpResponse<String> filed = agent.post("/api/aid/applications", UUID.randomUUID(), """
                {"beneficiaryId":"%s","category":"RENT_ARREARS","requestedAmount":300,"reason":"Un mois de loyer impayé",
                 "payee":{"kind":"CREDITOR","accountHolder":"Paris Habitat","iban":"FR76 3000 6000 0112 3456 7890 189"}}
                """.formatted(person));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String receipt = JsonPath.read(filed.body(), "$.receipt.number");
        String application = JsonPath.read(filed.body(), "$.id");

        // Spans leave each process in batches (every 5 s): the consumer's may come last.
        AtomicReference<List<Map<String, Object>>> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            List<List<Map<String, Object>>> traces = tracesTagged("guichet.receipt=" + receipt);
            assertThat(traces).as("traces tagged with receipt %s", receipt).hasSize(1);
            List<Map<String, Object>> trace = traces.get(0);
            assertThat(trace).as("the filing's span in aid-service").anySatisfy(span -> {
                assertThat(service(span)).isEqualTo("aid-service");
                assertThat(tags(span)).containsEntry("guichet.receipt", receipt).containsEntry("guichet.application.id", application);
            });
            assertThat(trace).as("the counter's request at the gateway").anySatisfy(span -> {
                assertThat(service(span)).isEqualTo("gateway");
                assertThat(span.get("kind")).isEqualTo("SERVER");
            });
            assertThat(trace).as("the application written to aid-service's database").anySatisfy(span -> {
                assertThat(service(span)).isEqualTo("aid-service");
                assertThat(tags(span).get("jdbc.query[0]")).startsWith("insert into aid_application ");
            });
            assertThat(trace).as("the event's publication on Kafka").anySatisfy(span -> {
                assertThat(service(span)).isEqualTo("aid-service");
                assertThat(span.get("kind")).isEqualTo("PRODUCER");
                assertThat(tags(span)).containsEntry("messaging.destination.name", "aid.events.v1");
            });
            assertThat(trace).as("the event read by another service").anySatisfy(span -> {
                assertThat(service(span)).isEqualTo("notice-service");
                assertThat(span.get("kind")).isEqualTo("CONSUMER");
            });
            found.set(trace);
        });

        String traceId = (String) found.get().get(0).get("traceId");
        List<String> filingLines = Files.readAllLines(suite.log("aid-service")).stream()
                .filter(line -> line.contains("Receipt " + receipt)).toList();
        assertThat(filingLines).as("aid-service's log lines about receipt %s", receipt).isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains(traceId));
    }

    /**
     * One request in ten is traced in production (the gateway decides, every service follows): a request left out of
     * the trace store still carries the trace id the gateway gave it into the log lines of its receipt, where a
     * complaint is then followed. The request arrives here with a traceparent that says "not sampled", as the gateway's
     * own decision would.
     */
    @Test
    void anApplicationNotTracedKeepsItsTraceIdInTheLogLinesOfItsReceipt() throws Exception {
        GatewayClient agent = new GatewayClient(suite, "agent13");
        String person = registeredAndKnownToAidService(agent, "Echantillon");
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String spanId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);

        HttpResponse<String> filed = agent.withTraceparent("00-" + traceId + "-" + spanId + "-00").post("/api/aid/applications",
                UUID.randomUUID(), """
                {"beneficiaryId":"%s","category":"RENT_ARREARS","requestedAmount":250,"reason":"Un mois de loyer impayé",
                 "payee":{"kind":"CREDITOR","accountHolder":"Paris Habitat","iban":"FR76 3000 6000 0112 3456 7890 189"}}
                """.formatted(person));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String receipt = JsonPath.read(filed.body(), "$.receipt.number");
        // Then a request that asks to be traced: once its spans are in the store, the first request's would be too.
        String marker = UUID.randomUUID().toString().replace("-", "");
        assertThat(agent.withTraceparent("00-" + marker + "-" + spanId + "-01").get("/api/aid/beneficiaries/" + person).statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(trace(marker)).as("the traced request's spans").anySatisfy(span ->
                        assertThat(service(span)).isEqualTo("aid-service")));

        assertThat(trace(traceId)).as("the request not traced, in the store").isEmpty();
        assertThat(tracesTagged("guichet.receipt=" + receipt)).as("traces of receipt %s", receipt).isEmpty();
        assertThat(Files.readAllLines(suite.log("aid-service")).stream().filter(line -> line.contains("Receipt " + receipt)))
                .as("aid-service's log lines about receipt %s", receipt).isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains(traceId));
    }

    /** The spans of one trace in the store; none when it has no such trace. */
    private static List<Map<String, Object>> trace(String traceId) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(suite.traces("/api/v2/trace/" + traceId))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 404) {
            return List.of();
        }
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JsonPath.read(answer.body(), "$");
    }

    @Test
    void anApplicationQueuedWhileItsServiceIsDownIsAppliedInTheTraceOfTheCountersRequest() throws Exception {
        GatewayClient agent = new GatewayClient(suite, "agent13");
        String person = registeredAndKnownToAidService(agent, "Fileattente");

        assertThat(suite.guichet("stop", "aid-service")).isZero();
        String receipt;
        try {
            HttpResponse<String> queued = agent.post("/api/aid/applications", UUID.randomUUID(), """
                    {"beneficiaryId":"%s","category":"RENT_ARREARS","requestedAmount":300,"reason":"Un mois de loyer impayé",
                     "payee":{"kind":"CREDITOR","accountHolder":"Paris Habitat","iban":"FR76 3000 6000 0112 3456 7890 189"}}
                    """.formatted(person));
            assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
            receipt = JsonPath.read(queued.body(), "$.receipt.number");
        } finally {
            assertThat(suite.guichet("start", "aid-service")).as(suite.output()).isZero();
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            List<List<Map<String, Object>>> traces = tracesTagged("guichet.receipt=" + receipt);
            assertThat(traces).as("traces tagged with receipt %s", receipt).hasSize(1);
            assertThat(traces.get(0)).as("the command queued by the gateway").anySatisfy(span -> {
                assertThat(service(span)).isEqualTo("gateway");
                assertThat(span.get("kind")).isEqualTo("PRODUCER");
                assertThat((String) span.get("name")).startsWith("intake.aid.v1");
            });
            assertThat(traces.get(0)).as("the command applied by aid-service once back").anySatisfy(span -> {
                assertThat(service(span)).isEqualTo("aid-service");
                assertThat(span.get("kind")).isEqualTo("CONSUMER");
                assertThat((String) span.get("name")).startsWith("intake.aid.v1");
            });
        });
    }

    @Test
    void theDecisionsTraceGoesOnWithThePaymentOrderAndTheTreasurysAnswer() throws Exception {
        GatewayClient agent = new GatewayClient(suite, "agent13");
        String person = registeredAndKnownToAidService(agent, "Ordonnancement");
        HttpResponse<String> filed = agent.post("/api/aid/applications", UUID.randomUUID(), """
                {"beneficiaryId":"%s","category":"RENT_ARREARS","requestedAmount":200,"reason":"Un mois de loyer impayé",
                 "payee":{"kind":"CREDITOR","accountHolder":"Paris Habitat","iban":"FR76 3000 6000 0112 3456 7890 189"}}
                """.formatted(person));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String id = JsonPath.read(filed.body(), "$.id");
        String receipt = JsonPath.read(filed.body(), "$.receipt.number");
        assertThat(new GatewayClient(suite, "travailleur13").post("/api/aid/applications/" + id + "/examination", UUID.randomUUID(),
                "{\"assessment\":\"Baisse de ressources.\",\"proposedAmount\":200}").statusCode()).isEqualTo(200);
        assertThat(new GatewayClient(suite, "directeur13").post("/api/aid/applications/" + id + "/decision", UUID.randomUUID(),
                "{\"outcome\":\"GRANTED\",\"amount\":200}").statusCode()).isEqualTo(200);

        // The local treasury passes the order's trace context on with its answer, as docs/partners.md invites partners to.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(tracesTagged("guichet.receipt=" + receipt)).as("the application's traces").anySatisfy(trace -> {
                    assertThat(trace).as("the director's decision").anySatisfy(span -> {
                        assertThat(service(span)).isEqualTo("gateway");
                        assertThat(span.get("kind")).isEqualTo("SERVER");
                    });
                    assertThat(trace).as("the payment order's publication, in each version of the contract").anySatisfy(span -> {
                        assertThat(service(span)).isEqualTo("aid-service");
                        assertThat(tags(span)).containsEntry("messaging.destination.name", "payment-orders.v1");
                    }).anySatisfy(span -> {
                        assertThat(service(span)).isEqualTo("aid-service");
                        assertThat(tags(span)).containsEntry("messaging.destination.name", "payment-orders.v2");
                    });
                    assertThat(trace).as("the treasury's answer (in version 2), applied by aid-service").anySatisfy(span -> {
                        assertThat(service(span)).isEqualTo("aid-service");
                        assertThat(span.get("kind")).isEqualTo("CONSUMER");
                        assertThat((String) span.get("name")).startsWith("payment-confirmations.v2");
                    });
                }));
    }

    @Test
    void aSearchByNameAndBirthDateLeavesNeitherInItsSpans() throws Exception {
        GatewayClient agent = new GatewayClient(suite, "agent13");
        String person = registeredAndKnownToAidService(agent, "Recherchée");
        HttpResponse<String> found = agent.get("/api/beneficiaries?lastName=Recherch%C3%A9e&birthDate=1950-06-01");
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(found.body()).contains(person);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            HttpResponse<String> traces = http.send(HttpRequest.newBuilder(URI.create(suite.traces(
                    "/api/v2/traces?serviceName=gateway&spanName=http%20get&limit=50&lookback=120000"))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(traces.body()).as("the search's spans").contains("\"http.url\":\"/api/beneficiaries\"")
                    .doesNotContain("Recherch", "1950-06-01", "lastName=", "birthDate=");
        });
    }

    /** A person registered at the counter, once aid-service's replica of the registry has them. */
    private static String registeredAndKnownToAidService(GatewayClient agent, String lastName) {
        HttpResponse<String> registered = agent.post("/api/beneficiaries", UUID.randomUUID(), Registrations.of(lastName, "75013"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String person = JsonPath.read(registered.body(), "$.id");
        await().atMost(Duration.ofSeconds(60)).until(() -> agent.get("/api/aid/beneficiaries/" + person).statusCode() == 200);
        return person;
    }

    private static List<List<Map<String, Object>>> tracesTagged(String tag) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(suite.traces(
                "/api/v2/traces?limit=10&lookback=3600000&annotationQuery=" + URLEncoder.encode(tag, StandardCharsets.UTF_8))))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JsonPath.read(answer.body(), "$");
    }

    @SuppressWarnings("unchecked")
    private static String service(Map<String, Object> span) {
        Map<String, Object> endpoint = (Map<String, Object>) span.get("localEndpoint");
        return endpoint == null ? null : (String) endpoint.get("serviceName");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> tags(Map<String, Object> span) {
        Object tags = span.get("tags");
        return tags == null ? Map.of() : (Map<String, String>) tags;
    }
}
