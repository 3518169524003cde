package fr.paris.casvp.guichet.localissuer;

import static org.assertj.core.api.Assertions.assertThat;

import fr.paris.casvp.guichet.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #33: the issuer minted a supervisor's token for any local caller, whatever the Host header, so a page of another
 * site made to resolve to 127.0.0.1 (DNS rebinding) could get one from the agent's browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "guichet.demo-password=test")
class LoopbackHostIT {

    @LocalServerPort
    int port;

    @Test
    void aRequestAddressedToAnotherNameIsRefused() {
        assertThat(status("POST /demo/tokens/superviseur", "rebound.example:" + port, null)).isEqualTo(421);
        assertThat(status("GET /.well-known/openid-configuration", "rebound.example:" + port, null)).isEqualTo(421);
        assertThat(status("POST /demo/tokens/superviseur", "localhost:1", null)).as("another port").isEqualTo(421);
    }

    @Test
    void aWebPageGetsNoDemoToken() {
        assertThat(status("POST /demo/tokens/superviseur", "localhost:" + port, "http://localhost:" + port)).isEqualTo(403);
    }

    @Test
    void theLocalRunStillGetsItsTokensAndTheCounterItsDiscovery() {
        assertThat(status("POST /demo/tokens/superviseur", "localhost:" + port, null)).isEqualTo(200);
        assertThat(status("POST /demo/tokens/agent13", "127.0.0.1:" + port, null)).isEqualTo(200);
        assertThat(status("GET /.well-known/openid-configuration", "localhost:" + port, "http://localhost:8080")).isEqualTo(200);
    }

    private int status(String requestLine, String host, String origin) {
        return Http.rawStatus(port, requestLine + " HTTP/1.1\r\nHost: " + host + "\r\n" + (origin == null ? "" : "Origin: " + origin + "\r\n")
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");
    }
}
