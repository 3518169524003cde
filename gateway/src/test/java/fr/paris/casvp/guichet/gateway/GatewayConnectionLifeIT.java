package fr.paris.casvp.guichet.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import fr.paris.casvp.guichet.testsupport.Http;
import fr.paris.casvp.guichet.testsupport.TestTokens;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue #34: the gateway kept its connections to a service for as long as they were used, so where a Service spreads
 * connections over pods, the pods a scale-out added got no traffic from it. A connection now lives a minute at most
 * (here made one second, to see it renewed).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.gateway.server.webflux.httpclient.pool.max-life-time=1s")
class GatewayConnectionLifeIT {

    private static final String MAX_LIFE = "spring.cloud.gateway.server.webflux.httpclient.pool.max-life-time";
    static final StubService aid = StubService.start("aid");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        StubService.gatewayProperties(registry, StubService.allAt(aid));
    }

    @AfterAll
    static void stop() {
        aid.close();
    }

    @Test
    void theGatewaysConnectionsToAServiceAreRenewedWithinAMinute() throws Exception {
        List<PropertySource<?>> configured = new YamlPropertySourceLoader().load("gateway", new ClassPathResource("application.yml"));
        Object maxLife = configured.get(0).getProperty(MAX_LIFE);
        assertThat(maxLife).as("configured in application.yml").isNotNull();
        assertThat(DurationStyle.detectAndParse(String.valueOf(maxLife))).isLessThanOrEqualTo(Duration.ofMinutes(1));

        assertThat(Http.get("http://localhost:" + port + "/api/aid/files/1", TestTokens.agent13()).statusCode()).isEqualTo(200);
        assertThat(aid.clientPorts()).hasSize(1);
        Awaitility.await().pollDelay(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(Http.get("http://localhost:" + port + "/api/aid/files/1", TestTokens.agent13()).statusCode()).isEqualTo(200);
            assertThat(aid.clientPorts()).as("a new connection once the first one's life is over").hasSizeGreaterThan(1);
        });
    }
}
