package fr.paris.casvp.guichet.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gateway's overhead per request (issue #8): the same read (a beneficiary from aid-service's replica, with its
 * audit entry) sent directly to aid-service and through the gateway (token check, rate limit, route, breaker, time
 * limiter, bulkhead, then the service checks the token again), alternately, one at a time, in the same run.
 *
 * <pre>./mvnw -B install -DskipTests && ./mvnw -B -Pbench -pl system-tests verify -Dit.test=GatewayOverheadBench [-Dbench.requests=2000]</pre>
 * The report is printed and written to {@code system-tests/target/bench/gateway-overhead.txt}.
 */
@ExtendWith(RunningSuite.class)
class GatewayOverheadBench {

    @Test
    void theSameReadDirectAndThroughTheGateway() throws Exception {
        LocalSuite suite = RunningSuite.suite();
        int requests = Integer.getInteger("bench.requests", 2000);
        String token = suite.token("agent13");
        GatewayClient agent = new GatewayClient(suite, "agent13");
        HttpResponse<String> registered = agent.post("/api/beneficiaries", UUID.randomUUID(), Registrations.of("Mesure-Passerelle", "75013"));
        assertThat(registered.statusCode()).isEqualTo(201);
        String id = JsonPath.read(registered.body(), "$.id");
        String path = "/api/aid/beneficiaries/" + id;
        await().atMost(Duration.ofSeconds(60)).until(() -> agent.get(path).statusCode() == 200);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI direct = URI.create(suite.service("AID", path));
        URI gateway = URI.create(suite.gateway(path));

        // Paced at 40 pairs a second: under the gateway's rate limit for one agent (50/s).
        long pace = TimeUnit.MILLISECONDS.toNanos(25);
        long next = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            time(http, direct, token);
            time(http, gateway, token);
            next = sleepUntil(next + pace);
        }
        Histogram directLatency = new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
        Histogram gatewayLatency = new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
        for (int i = 0; i < requests; i++) {
            directLatency.recordValue(time(http, direct, token));
            gatewayLatency.recordValue(time(http, gateway, token));
            next = sleepUntil(next + pace);
        }

        String report = """
                Gateway overhead (%s), %d alternate reads of GET /api/aid/beneficiaries/{id}, one at a time, 40 pairs/s
                                 p50        p99        max
                  direct     %6.2f ms  %6.2f ms  %6.2f ms
                  gateway    %6.2f ms  %6.2f ms  %6.2f ms
                  ratio      %6.2f     %6.2f
                """.formatted(Instant.now(), requests,
                ms(directLatency, 50), ms(directLatency, 99), directLatency.getMaxValue() / 1000.0,
                ms(gatewayLatency, 50), ms(gatewayLatency, 99), gatewayLatency.getMaxValue() / 1000.0,
                ms(gatewayLatency, 50) / ms(directLatency, 50), ms(gatewayLatency, 99) / ms(directLatency, 99));
        System.out.println(report);
        Path dir = Path.of(System.getProperty("bench.report", "target/bench"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("gateway-overhead.txt"), report);
        assertThat(directLatency.getTotalCount()).isEqualTo(requests);
    }

    private static long time(HttpClient http, URI uri, String token) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        long micros = (System.nanoTime() - start) / 1000;
        assertThat(answer.statusCode()).as(uri + " " + answer.body()).isEqualTo(200);
        return micros;
    }

    private static long sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
            return nanos;
        }
        return System.nanoTime();
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
