package fr.paris.casvp.guichet.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import fr.paris.casvp.guichet.testsupport.Http;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue #33: behind the local run's balancer every client was 127.0.0.1, so one client's 60 quick requests got everyone
 * 429. With the PROXY protocol the gateway limits each client by the address the balancer names; an IPv6 client by its
 * /64, so that changing its temporary address does not start it afresh.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "guichet.proxy-protocol=true", "server.netty.idle-timeout=2s",
        "guichet.rate-limit.per-address.per-second=0.01", "guichet.rate-limit.per-address.burst=5"})
class GatewayProxyProtocolIT {

    static final StubService stub = StubService.start("aid");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        StubService.gatewayProperties(registry, StubService.allAt(stub));
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @Test
    void eachClientTheBalancerNamesHasItsOwnLimit() {
        List<Integer> flooder = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            flooder.add(status("PROXY TCP4 203.0.113.7 127.0.0.1 40000 8080"));
        }

        assertThat(flooder).startsWith(200, 200, 200, 200, 200).endsWith(429);
        assertThat(status("PROXY TCP4 198.51.100.9 127.0.0.1 40001 8080")).as("another client").isEqualTo(200);
    }

    @Test
    void anIpv6ClientIsLimitedByItsNetworkNotByEachOfItsAddresses() {
        List<Integer> answers = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            answers.add(status("PROXY TCP6 2001:db8:5:6::" + Integer.toHexString(i) + " ::1 40000 8080"));
        }

        assertThat(answers).startsWith(200, 200, 200, 200, 200).endsWith(429);
        assertThat(status("PROXY TCP6 2001:db8:5:7::1 ::1 40000 8080")).as("another network").isEqualTo(200);
    }

    /** Issue #33: idle connections were never timed out (300 made the local balancer run 655 threads). */
    @Test
    void anIdleConnectionIsClosedByTheGateway() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write("PROXY TCP4 192.0.2.1 127.0.0.1 40000 8080\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(socket.getInputStream().read()).as("closed by the gateway, nothing sent").isEqualTo(-1);
        }
    }

    /** One request on its own connection, as the balancer passes it on: the PROXY line, then the client's bytes. */
    private int status(String proxyLine) {
        return Http.rawStatus(port, proxyLine + "\r\nGET /api/status HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }
}
