package fr.paris.casvp.guichet.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import fr.paris.casvp.guichet.testsupport.Http;
import fr.paris.casvp.guichet.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Limits at the gateway, with small ones so that a test reaches them: flood → 429, oversized body → 413, a full door
 * → 503 at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "guichet.admission.max-in-flight=2",
        "guichet.rate-limit.per-agent.per-second=0.5", "guichet.rate-limit.per-agent.burst=5",
        "guichet.rate-limit.per-address.per-second=0.5", "guichet.rate-limit.per-address.burst=5"})
class GatewayLimitsIT {

    static final StubService aid = StubService.start("aid");

    @LocalServerPort
    int port;

    @Autowired
    AdmissionLimit door;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        StubService.gatewayProperties(registry, StubService.allAt(aid));
    }

    @AfterAll
    static void stop() {
        aid.close();
    }

    @Test
    void anAgentWhoFloodsIsToldToWaitAndOthersAreNot() {
        String flooder = TestTokens.of("flooder", "AGENT", "13");
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(Http.get(url("/api/aid/files/" + i), flooder));
        }

        assertThat(answers).extracting(HttpResponse::statusCode).contains(200, 429);
        HttpResponse<String> refused = answers.stream().filter(a -> a.statusCode() == 429).findFirst().orElseThrow();
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
        assertThat(JsonPath.<String>read(refused.body(), "$.type")).isEqualTo("urn:guichet:problem:too-many-requests");
        assertThat(Http.get(url("/api/aid/files/1"), TestTokens.of("colleague", "AGENT", "13")).statusCode()).isEqualTo(200);
    }

    @Test
    void anAddressThatFloodsThePublicStatusBoardIsToldToWait() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(Http.get(url("/api/status")).statusCode());
        }
        assertThat(statuses).contains(200, 429);
    }

    /**
     * The counter's own files (a dozen per page load) are not counted against the address: an office of agents behind one
     * address reloading their pages emptied its bucket, and a page then could not load its scripts.
     */
    @Test
    void theCountersFilesAreNotCountedAgainstTheAddress() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(Http.get(url(i % 2 == 0 ? "/app/main.js" : "/counter/config")).statusCode());
        }
        assertThat(statuses).containsOnly(200);
    }

    @Test
    void anOversizedBodyIsRefusedBeforeReachingTheService() {
        HttpResponse<String> refused = Http.send(HttpRequest.newBuilder(URI.create(url("/api/aid/applications")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TestTokens.of("big", "AGENT", "13"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"x\":\"" + "a".repeat(2_000_000) + "\"}")).build());

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(JsonPath.<String>read(refused.body(), "$.type")).isEqualTo("urn:guichet:problem:request-too-large");
        assertThat(JsonPath.<String>read(refused.body(), "$.detail")).contains("1024 KB");
    }

    @Test
    void aTooLongAddressAndTooLargeHeadersGetAProblemThatSaysWhichLimit() {
        HttpResponse<String> longUri = Http.get(url("/api/aid/files/" + "a".repeat(5_000)), TestTokens.of("long", "AGENT", "13"));
        assertThat(longUri.statusCode()).isEqualTo(414);
        assertThat(JsonPath.<String>read(longUri.body(), "$.type")).isEqualTo("urn:guichet:problem:request-too-large");
        assertThat(JsonPath.<String>read(longUri.body(), "$.detail")).contains("4096 characters");

        HttpResponse<String> bigHeaders = Http.send(HttpRequest.newBuilder(URI.create(url("/api/aid/files/1")))
                .header("Authorization", "Bearer " + TestTokens.of("headers", "AGENT", "13"))
                .header("X-Padding", "p".repeat(9_000)).GET().build());
        assertThat(bigHeaders.statusCode()).isEqualTo(431);
        assertThat(JsonPath.<String>read(bigHeaders.body(), "$.detail")).contains("8192 bytes");
    }

    /**
     * Issue #37: past its door's limit, the gateway refuses a request before reading its token or routing it, with a
     * problem and {@code Retry-After}; the requests inside are served, the probes still answer, and once a place is
     * free the next request goes in.
     */
    @Test
    void aFullGatewayRefusesAtTheDoorAndLetsTheNextInOnceAPlaceIsFree() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> inside = new ArrayList<>();
        for (String agent : List.of("slow-1", "slow-2")) {
            inside.add(CompletableFuture.supplyAsync(() -> Http.get(url("/api/aid/files/slow"), TestTokens.of(agent, "AGENT", "13"))));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> door.inFlight() == 2);

        HttpResponse<String> refused = Http.get(url("/api/aid/files/1"), TestTokens.of("third", "AGENT", "13"));

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).contains("1");
        assertThat(JsonPath.<String>read(refused.body(), "$.type")).isEqualTo("urn:guichet:problem:service-busy");
        assertThat(door.inFlight()).as("the refused request left no place taken").isEqualTo(2);
        assertThat(Http.get(url("/actuator/health/liveness")).statusCode()).as("the probes are not counted").isEqualTo(200);
        for (CompletableFuture<HttpResponse<String>> served : inside) {
            assertThat(served.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> door.inFlight() == 0);
        assertThat(Http.get(url("/api/aid/files/1"), TestTokens.of("third", "AGENT", "13")).statusCode()).isEqualTo(200);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
