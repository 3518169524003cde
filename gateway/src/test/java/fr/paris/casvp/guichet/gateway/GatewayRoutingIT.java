package fr.paris.casvp.guichet.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import fr.paris.casvp.guichet.testsupport.Http;
import fr.paris.casvp.guichet.testsupport.TestSigningKeys;
import fr.paris.casvp.guichet.testsupport.TestTokens;
import fr.paris.casvp.guichet.tokens.VerifiedReactiveJwtDecoder;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway in front of three services that answer and one that is stopped (connections refused). One failing
 * service must never affect the others.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "guichet.status.poll-interval=200ms",
        "resilience4j.timelimiter.instances.solidarity.timeout-duration=1s"})
class GatewayRoutingIT {

    static final StubService beneficiaries = StubService.start("beneficiaries");
    static final StubService aid = StubService.start("aid");
    static final StubService solidarity = StubService.start("solidarity");
    static final String stoppedTransport = StubService.refusedUrl();

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    TimeLimiterRegistry timeLimiters;

    @Autowired
    BulkheadRegistry bulkheads;

    @Autowired
    ReactiveJwtDecoder jwtDecoder;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("guichet.services.beneficiaries.url", beneficiaries::url);
        registry.add("guichet.services.aid.url", aid::url);
        registry.add("guichet.services.solidarity.url", solidarity::url);
        registry.add("guichet.services.transport.url", () -> stoppedTransport);
        // Kafka down as well: nothing listens there.
        registry.add("spring.kafka.bootstrap-servers", () -> StubService.refusedUrl().replace("http://", ""));
        TestTokens.resourceServerProperties().forEach((name, value) -> registry.add(name, () -> value));
        TestSigningKeys.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopStubs() {
        beneficiaries.close();
        aid.close();
        solidarity.close();
    }

    static String serviceField(String statusBoard, String service, String field) {
        List<String> values = JsonPath.read(statusBoard, "$.services[?(@.name == '" + service + "')]." + field);
        assertThat(values).hasSize(1);
        return values.get(0);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void eachPrefixGoesToItsOwnService() {
        for (String service : new String[] {"beneficiaries", "aid", "solidarity"}) {
            HttpResponse<String> response = Http.get(url("/api/" + service + "/files/42"), TestTokens.agent13());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JsonPath.<String>read(response.body(), "$.service")).isEqualTo(service);
            assertThat(JsonPath.<String>read(response.body(), "$.path")).isEqualTo("/api/" + service + "/files/42");
        }
    }

    @Test
    void theDeclaredBenefitsAreListedForAnyoneInTheirOrder() {
        HttpResponse<String> response = Http.get(url("/api/benefits"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(response.body(), "$[*].code")).isEqualTo(Benefits.codes());
        assertThat(JsonPath.<String>read(response.body(), "$[1].name")).isEqualTo("Paris Solidarité");
        assertThat(JsonPath.<List<String>>read(response.body(), "$[0].filing")).containsExactly("/api/aid/applications");
        assertThat(JsonPath.<Boolean>read(response.body(), "$[1].monthly")).isTrue();

        String counter = Http.get(url("/counter/config")).body();
        assertThat(JsonPath.<List<String>>read(counter, "$.benefits[*].code")).isEqualTo(Benefits.codes());
        assertThat(JsonPath.<String>read(counter, "$.benefits[2].name")).isEqualTo("Navigo");
        assertThat(JsonPath.<String>read(counter, "$.benefits[0].files")).isEqualTo("/api/aid/applications");
        assertThat(JsonPath.<String>read(counter, "$.benefits[1].form")).isEqualTo("#/solidarite/");
        assertThat(JsonPath.<List<String>>read(counter, "$.benefits[*].figures"))
                .containsExactly("ADMINISTERED", "ADMINISTERED", "NONE", "ADMINISTERED");
        assertThat(JsonPath.<List<String>>read(counter, "$.benefits[2].decide.statuses")).containsExactly("REQUESTED");
        assertThat(JsonPath.<List<String>>read(counter, "$.benefits[2].examine.roles")).as("nobody examines a pass").isEmpty();
    }

    @Test
    void thePublishedContractIsServedToAnyoneReadOnlyAsInTheRepository() throws Exception {
        HttpResponse<String> index = Http.get(url("/contracts/"));
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(index.body(), "$.asyncapi")).isEqualTo("/contracts/asyncapi.yaml");
        long published;
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("../docs/schemas"))) {
            published = files.filter(f -> f.getFileName().toString().endsWith(".json")).count();
        }
        assertThat(JsonPath.<List<String>>read(index.body(), "$.schemas")).as("every schema of docs/schemas")
                .contains("/contracts/schemas/payment-order.v1.json", "/contracts/schemas/payment-order.v2.json").hasSize((int) published);

        HttpResponse<String> asyncApi = Http.get(url("/contracts/asyncapi.yaml"));
        assertThat(asyncApi.statusCode()).isEqualTo(200);
        assertThat(asyncApi.headers().firstValue("Content-Type")).hasValue("application/yaml");
        assertThat(asyncApi.body()).isEqualTo(Files.readString(Path.of("../docs/asyncapi.yaml")));
        HttpResponse<String> schema = Http.get(url("/contracts/schemas/payment-order.v1.json"));
        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.headers().firstValue("Content-Type")).hasValue("application/schema+json");
        assertThat(schema.body()).isEqualTo(Files.readString(Path.of("../docs/schemas/payment-order.v1.json")));

        assertThat(Http.get(url("/contracts/schemas/payment-order.v9.json")).statusCode()).isEqualTo(404);
        assertThat(Http.get(url("/contracts/schemas/..%2F..%2Fapplication.yml")).statusCode()).isEqualTo(400);
        assertThat(Http.send(HttpRequest.newBuilder(URI.create(url("/contracts/asyncapi.yaml"))).timeout(Duration.ofSeconds(10))
                .DELETE().build()).statusCode()).isEqualTo(401);
    }

    @Test
    void aStoppedServiceIsAnsweredWithAProblemNamingIt() {
        HttpResponse<String> response = Http.get(url("/api/transport/passes/1"), TestTokens.agent13());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JsonPath.<String>read(response.body(), "$.type")).isEqualTo("urn:guichet:problem:service-unavailable");
        assertThat(JsonPath.<String>read(response.body(), "$.service")).isEqualTo("transport");
        assertThat(JsonPath.<String>read(response.body(), "$.instance")).isEqualTo("/api/transport/passes/1");
    }

    @Test
    void aCommandToAStoppedServiceIsNotAnsweredWithMethodNotAllowed() {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(url("/api/transport/passes/1/decision")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TestTokens.agent13())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(JsonPath.<String>read(response.body(), "$.service")).isEqualTo("transport");
        assertThat(JsonPath.<String>read(response.body(), "$.detail")).contains("applications are still accepted");
    }

    @Test
    void anApplicationToAStoppedServiceNeedsAnIdempotencyKeyAndWithKafkaDownTooTheCounterCapturesOffline() {
        HttpResponse<String> noKey = Http.send(HttpRequest.newBuilder(URI.create(url("/api/transport/passes")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TestTokens.agent13())
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        HttpResponse<String> kafkaDown = Http.send(HttpRequest.newBuilder(URI.create(url("/api/transport/passes")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TestTokens.agent13())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(noKey.body(), "$.errors[*].field")).containsExactly("Idempotency-Key");
        assertThat(kafkaDown.statusCode()).isEqualTo(503);
        assertThat(JsonPath.<String>read(kafkaDown.body(), "$.type")).isEqualTo("urn:guichet:problem:capture-offline");
    }

    @Test
    void noTokenOrABadOneIsRefusedBeforeRoutingButTheStatusBoardIsOpen() {
        assertThat(Http.get(url("/api/aid/files/1")).statusCode()).isEqualTo(401);
        for (String token : List.of(TestTokens.expired(), TestTokens.forged(), TestTokens.tampered(), TestTokens.unsigned(),
                TestTokens.ofAnotherIssuer())) {
            HttpResponse<String> refused = Http.get(url("/api/aid/files/1"), token);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(JsonPath.<String>read(refused.body(), "$.type")).isEqualTo("urn:guichet:problem:unauthenticated");
        }
        assertThat(Http.get(url("/api/status")).statusCode()).isEqualTo(200);
        assertThat(Http.get(url("/actuator/prometheus"), TestTokens.agent13()).statusCode()).isEqualTo(403);
    }

    @Test
    void theTokenIsRelayedToTheService() {
        String token = TestTokens.agent13();
        assertThat(JsonPath.<String>read(Http.get(url("/api/aid/files/1"), token).body(), "$.authorization"))
                .isEqualTo("Bearer " + token);
    }

    @Test
    void anAddressWithoutRouteIsAProblemWithAStableType() {
        HttpResponse<String> response = Http.get(url("/api/unknown/1"), TestTokens.agent13());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JsonPath.<String>read(response.body(), "$.type")).isEqualTo("urn:guichet:problem:not-found");
    }

    @Test
    void aSlowServiceIsCutByItsOwnTimeLimiterOnly() {
        HttpResponse<String> slow = Http.get(url("/api/solidarity/slow"), TestTokens.agent13());
        assertThat(slow.statusCode()).isEqualTo(503);
        assertThat(JsonPath.<String>read(slow.body(), "$.service")).isEqualTo("solidarity");

        assertThat(timeLimiters.timeLimiter("solidarity").getTimeLimiterConfig().getTimeoutDuration()).hasSeconds(1);
        assertThat(timeLimiters.timeLimiter("aid").getTimeLimiterConfig().getTimeoutDuration()).hasSeconds(10);
    }

    @Test
    void aTokenIsVerifiedOnceThenKeptButATamperedCopyOfItIsStillRefused() {
        assertThat(jwtDecoder).isInstanceOf(VerifiedReactiveJwtDecoder.class);
        String token = TestTokens.agent13();
        for (int i = 0; i < 2; i++) {
            assertThat(Http.get(url("/api/aid/applications"), token).statusCode()).isEqualTo(200);
        }

        assertThat(Http.get(url("/api/aid/applications"), TestTokens.tampered(token)).statusCode()).isEqualTo(401);
    }

    @Test
    void aServiceAtItsBulkheadsLimitIsBusyNotDownAndItsBreakerStaysClosed() throws Exception {
        Bulkhead bulkhead = bulkheads.bulkhead("beneficiaries");
        int limit = bulkhead.getBulkheadConfig().getMaxConcurrentCalls();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest slow = HttpRequest.newBuilder(URI.create(url("/api/beneficiaries/slow")))
                .header("Authorization", "Bearer " + TestTokens.agent13()).build();
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            inFlight.add(client.sendAsync(slow, HttpResponse.BodyHandlers.ofString()));
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> bulkhead.getMetrics().getAvailableConcurrentCalls() == 0);

        HttpResponse<String> refused = Http.get(url("/api/beneficiaries/123"), TestTokens.agent13());

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(JsonPath.<String>read(refused.body(), "$.type")).isEqualTo("urn:guichet:problem:service-busy");
        assertThat(JsonPath.<String>read(refused.body(), "$.service")).isEqualTo("beneficiaries");
        assertThat(inFlight).allSatisfy(call -> assertThat(call.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200));
        assertThat(breakers.circuitBreaker("beneficiaries").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(Http.get(url("/api/beneficiaries/123"), TestTokens.agent13()).statusCode()).isEqualTo(200);
    }

    @Test
    void aStoppedServiceHasItsBreakerHeldOpenAndTheOthersStayClosed() {
        for (int i = 0; i < 10; i++) {
            Http.get(url("/api/transport/passes/" + i), TestTokens.agent13());
        }

        assertThat(breakers.circuitBreaker("transport").getState()).isEqualTo(CircuitBreaker.State.FORCED_OPEN);
        assertThat(breakers.circuitBreaker("aid").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(Http.get(url("/api/aid/applications"), TestTokens.agent13()).statusCode()).isEqualTo(200);
        assertThat(breakers.getAllCircuitBreakers()).extracting(CircuitBreaker::getName)
                .contains("beneficiaries", "aid", "solidarity", "transport");
    }

    /**
     * Issue #39: the registry hangs (every request held, readiness too). The call waiting on it is cut when the probe
     * times out, not at the route's 10 s time limit, and answered with the problem that names it, in French for the
     * agent; the next calls never reach it; the first probe that answers after it resumes closes the breaker.
     */
    @Test
    void aHungServiceIsSeenByItsProbeItsWaitingCallCutAndTheNextOnesNeverSentUntilAProbeAnswers() {
        String token = TestTokens.agent13();
        assertThat(Http.get(url("/api/beneficiaries/42"), token).statusCode()).isEqualTo(200);
        beneficiaries.freeze();
        try {
            long sent = System.nanoTime();
            HttpResponse<String> waiting = Http.get(url("/api/beneficiaries/42"), token);
            Duration waited = Duration.ofNanos(System.nanoTime() - sent);

            assertThat(waiting.statusCode()).isEqualTo(503);
            assertThat(JsonPath.<String>read(waiting.body(), "$.type")).isEqualTo("urn:guichet:problem:service-unavailable");
            assertThat(JsonPath.<String>read(waiting.body(), "$.service")).isEqualTo("beneficiaries");
            assertThat(JsonPath.<String>read(waiting.body(), "$.message"))
                    .isEqualTo("Registre des usagers : service momentanément indisponible. Réessayez dans quelques instants ; "
                            + "les autres services fonctionnent normalement.");
            assertThat(waited).as("cut by the probe, not by the route's time limit").isLessThan(Duration.ofSeconds(8));
            assertThat(breakers.circuitBreaker("beneficiaries").getState()).isEqualTo(CircuitBreaker.State.FORCED_OPEN);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(serviceField(Http.get(url("/api/status")).body(), "beneficiaries", "health")).isEqualTo("UNREACHABLE"));

            int reached = beneficiaries.received();
            HttpResponse<String> next = Http.get(url("/api/beneficiaries/43"), token);
            assertThat(next.statusCode()).isEqualTo(503);
            assertThat(beneficiaries.received()).as("nothing sent to a service known hung").isEqualTo(reached);
            assertThat(Http.get(url("/api/aid/applications"), token).statusCode()).as("the others work").isEqualTo(200);
        } finally {
            beneficiaries.thaw();
        }
        int beforeRecovery = beneficiaries.received();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> breakers.circuitBreaker("beneficiaries").getState() == CircuitBreaker.State.CLOSED);
        assertThat(beneficiaries.received()).as("closed by the gateway's probe, not by an agent's request").isEqualTo(beforeRecovery);
        assertThat(Http.get(url("/api/beneficiaries/42"), token).statusCode()).isEqualTo(200);
    }

    /**
     * Issue #33: a Content-Security-Policy on the counter and the public pages: scripts and styles from the gateway only,
     * the public pages' own inline script allowed by its hash (an injected one would not run), nothing framed.
     */
    @Test
    void theCounterAndThePublicPagesCarryAContentSecurityPolicy() throws Exception {
        for (String page : List.of("/", "/suivi", "/statut")) {
            HttpResponse<String> answer = Http.get(url(page));
            assertThat(answer.statusCode()).as(page).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(page).hasValueSatisfying(policy -> assertThat(policy)
                    .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval"));
        }
        String suivi = Http.get(url("/suivi")).body();
        String script = suivi.substring(suivi.indexOf("<script>") + "<script>".length(), suivi.indexOf("</script>"));
        String hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(script.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(Http.get(url("/suivi")).headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self' 'sha256-" + hash + "'");
    }

    /**
     * Issue #33's flaky test: after a request the firewall rejects (an encoded slash), the next request on the same
     * kept-alive connection was sometimes never answered (3 in 40 here). The rejection now closes the connection.
     */
    @Test
    void aRequestTheFirewallRejectsIsAProblemAndTheNextOneIsAnswered() {
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> rejected = Http.get(url("/contracts/schemas/..%2F..%2Fapplication.yml"));
            assertThat(rejected.statusCode()).isEqualTo(400);
            assertThat(JsonPath.<String>read(rejected.body(), "$.type")).isEqualTo("urn:guichet:problem:request-refused");
            HttpResponse<String> next = Http.send(HttpRequest.newBuilder(URI.create(url("/contracts/asyncapi.yaml")))
                    .timeout(Duration.ofSeconds(10)).DELETE().build());
            assertThat(next.statusCode()).as("attempt %d", i).isEqualTo(401);
        }
    }

    /**
     * A refused token (401) or role (403), then a request on the same kept-alive connection: the second is answered.
     * Left open after a refused token, the connection sometimes never answered the next request (a clean-clone CI run
     * waited 30 s; 150 such pairs reproduced it within seconds): the refusal now closes it.
     */
    @Test
    void aRequestAfterARefusedTokenOrRoleIsAnswered() {
        String token = TestTokens.agent13();
        for (int i = 0; i < 100; i++) {
            assertThat(Http.get(url("/api/aid/applications"), i % 2 == 0 ? TestTokens.tampered(token) : "not-a-token").statusCode())
                    .isEqualTo(401);
            assertThat(next(token).statusCode()).as("after a 401, attempt %d", i).isEqualTo(200);
            assertThat(Http.get(url("/actuator/circuitbreakers"), token).statusCode()).isEqualTo(403);
            assertThat(next(token).statusCode()).as("after a 403, attempt %d", i).isEqualTo(200);
        }
    }

    private HttpResponse<String> next(String token) {
        return Http.send(HttpRequest.newBuilder(URI.create(url("/api/aid/files/1"))).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(5)).GET().build());
    }

    @Test
    void theStatusBoardShowsEachServiceUpOrDown() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String body = Http.get(url("/api/status")).body();
            assertThat(serviceField(body, "aid", "status")).isEqualTo("UP");
            assertThat(serviceField(body, "beneficiaries", "status")).isEqualTo("UP");
            assertThat(serviceField(body, "transport", "status")).isEqualTo("DOWN");
            assertThat(serviceField(body, "transport", "health")).isEqualTo("UNREACHABLE");
        });
    }
}
