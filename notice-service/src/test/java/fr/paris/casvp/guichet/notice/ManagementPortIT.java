package fr.paris.casvp.guichet.notice;

import static org.assertj.core.api.Assertions.assertThat;

import fr.paris.casvp.guichet.testsupport.Http;
import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import fr.paris.casvp.guichet.testsupport.TestTokens;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A deployment gives the actuator a port of its own ({@code management.server.port}; the platform's rule, checked on
 * this service): a scraper reads the metrics and the build info there without any token, the probes answer there, and
 * the other operator endpoints still need a SUPERVISOR; the business port no longer serves the actuator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@RealInfrastructure(database = "notice")
class ManagementPortIT {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @Test
    void metricsAreScrapedOnTheManagementPortWithoutABusinessRole() {
        HttpResponse<String> metrics = Http.get(management("/actuator/prometheus"));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "guichet_notices", "guichet_build_info{");
        assertThat(Http.get(management("/actuator/info")).statusCode()).isEqualTo(200);
        assertThat(Http.get(management("/actuator/health/readiness")).statusCode()).isEqualTo(200);
    }

    @Test
    void theOtherOperatorEndpointsStillNeedASupervisorAndTheBusinessPortServesNoActuator() {
        assertThat(Http.get(management("/actuator/parked")).statusCode()).isEqualTo(401);
        assertThat(Http.get(management("/actuator/parked"), TestTokens.agent13()).statusCode()).isEqualTo(403);
        assertThat(Http.get(management("/actuator/parked"), TestTokens.supervisor()).statusCode()).isEqualTo(200);
        assertThat(Http.get("http://localhost:" + port + "/actuator/prometheus").statusCode()).isIn(401, 404);
        assertThat(Http.get("http://localhost:" + port + "/actuator/prometheus", TestTokens.supervisor()).statusCode()).isEqualTo(404);
    }

    private String management(String path) {
        return "http://localhost:" + managementPort + path;
    }
}
