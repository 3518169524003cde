package fr.paris.casvp.guichet.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import fr.paris.casvp.guichet.testsupport.Http;
import fr.paris.casvp.guichet.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway's actuator on a port of its own, as a deployment runs it ({@code management.server.port}): a scraper
 * reads the metrics an operator acts on (each benefit's availability and queue, the breakers, build info, latency
 * histograms) and the build info there without any token; the other operator endpoints still need a SUPERVISOR.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class GatewayManagementPortIT {

    static final StubService aid = StubService.start("aid");
    /** Transport as a deployment runs it: its API on one port, its actuator on another (the stub above). */
    static final StubService transport = StubService.withoutActuator("transport");

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        StubService.gatewayProperties(registry, Map.of("beneficiaries", aid, "aid", aid, "solidarity", aid, "transport", transport));
        registry.add("guichet.services.transport.management-url", aid::url);
    }

    @AfterAll
    static void stop() {
        aid.close();
        transport.close();
    }

    /**
     * Issue #34: the gateway asked a service's readiness on its business port, where a deployment serves none: every
     * benefit showed DEGRADED. It asks the service's management address when it has one.
     */
    @Test
    void aServiceWhoseActuatorIsOnItsManagementPortIsSeenAvailable() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(JsonPath.<List<String>>read(
                Http.get("http://localhost:" + port + "/api/status").body(), "$.services[?(@.name == 'transport')].availability"))
                .containsExactly("AVAILABLE"));
        assertThat(Http.get("http://localhost:" + port + "/api/transport/passes/1", TestTokens.agent13()).body())
                .as("its API on the other port").contains("\"service\":\"transport\"");
    }

    @Test
    void metricsAreScrapedOnTheManagementPortWithoutABusinessRole() {
        assertThat(Http.get("http://localhost:" + port + "/api/aid/files/1", TestTokens.agent13()).statusCode()).isEqualTo(200);

        HttpResponse<String> metrics = Http.get(management("/actuator/prometheus"));

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("guichet_benefit_availability{", "guichet_intake_queue_depth{",
                "guichet_intake_queue_oldest_age_seconds{", "resilience4j_circuitbreaker_state{", "guichet_build_info{",
                "http_server_requests_seconds_bucket{");
        assertThat(Http.get(management("/actuator/info")).statusCode()).isEqualTo(200);
    }

    @Test
    void theOtherOperatorEndpointsStillNeedASupervisor() {
        assertThat(Http.get(management("/actuator/circuitbreakers")).statusCode()).isEqualTo(401);
        assertThat(Http.get(management("/actuator/circuitbreakers"), TestTokens.agent13()).statusCode()).isEqualTo(403);
        assertThat(Http.get(management("/actuator/circuitbreakers"), TestTokens.supervisor()).statusCode()).isEqualTo(200);
        assertThat(Http.get("http://localhost:" + port + "/actuator/prometheus").statusCode()).isIn(401, 404);
    }

    private String management(String path) {
        return "http://localhost:" + managementPort + path;
    }
}
