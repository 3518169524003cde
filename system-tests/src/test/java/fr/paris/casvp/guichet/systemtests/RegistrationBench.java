package fr.paris.casvp.guichet.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Registration throughput through the gateway, and replica lag, at a steady load: an open model (registrations start
 * at a fixed rate whatever the answers; latency counts from the scheduled start, so a slow system cannot hide its
 * queue). Replica lag is, for each registration, the time from the snapshot's {@code updatedAt} (set in the
 * registration's transaction) to its arrival in aid-service's replica ({@code replicated_at}); both clocks are this
 * machine's.
 *
 * <pre>./mvnw -B install -DskipTests && ./mvnw -B -Pbench -pl system-tests verify [-Dbench.rate=20 -Dbench.seconds=60]</pre>
 * The report is printed and written to {@code system-tests/target/bench/registration.txt}.
 */
@ExtendWith(RunningSuite.class)
class RegistrationBench {

    private static String token;

    @Test
    void registrationsAtASteadyRate() throws Exception {
        LocalSuite suite = RunningSuite.suite();
        int rate = Integer.getInteger("bench.rate", 20);
        int seconds = Integer.getInteger("bench.seconds", 60);
        String run = "Bench" + UUID.randomUUID().toString().substring(0, 8).replaceAll("\\d", "x");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        token = suite.token("agent13");
        warmUp(suite, http, run);

        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(2), 3);
        AtomicInteger created = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentSkipListMap<>();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < rate * seconds; i++) {
            long scheduled = start + i * intervalNanos;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            inFlight.add(http.sendAsync(registration(suite, run + "-" + i), HttpResponse.BodyHandlers.ofString())
                    .handle((response, error) -> {
                        latency.recordValue(Math.max(0, (System.nanoTime() - scheduled) / 1000));
                        if (error == null && response.statusCode() == 201) {
                            created.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            failures.merge(error == null ? "HTTP " + response.statusCode() : error.getClass().getSimpleName(), 1, Integer::sum);
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        double elapsed = (System.nanoTime() - start) / 1e9;

        String breaker = http.send(HttpRequest.newBuilder(URI.create(suite.gateway("/actuator/prometheus"))).build(),
                        HttpResponse.BodyHandlers.ofString()).body().lines()
                .filter(line -> line.startsWith("resilience4j_circuitbreaker") && line.contains("name=\"beneficiaries\""))
                .filter(line -> !line.contains(" 0.0") && !line.endsWith(" 0"))
                .reduce("", (a, b) -> a + "\n    " + b);
        String lag = awaitReplicaLag(suite, run, created.get());
        String report = """
                Registration through the gateway, open model: %d/s offered for %d s (%d requests)
                  created: %d, failed: %d %s, throughput: %.1f registrations/s over %.1f s
                  latency from scheduled start (ms): p50 %.1f, p90 %.1f, p99 %.1f, max %.1f
                Replica lag, commit to aid-service replica (ms): %s
                Circuit breaker of the registry's route, non-zero meters:%s
                """.formatted(rate, seconds, rate * seconds, created.get(), failed.get(), failures, created.get() / elapsed, elapsed,
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(90) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0, lag, breaker);
        System.out.println(report);
        Path out = Path.of(System.getProperty("bench.report", "target/bench"));
        Files.createDirectories(out);
        Files.writeString(out.resolve("registration.txt"), report);
        assertThat(created.get()).as("registrations created").isPositive();
    }

    private static void warmUp(LocalSuite suite, HttpClient http, String run) throws IOException, InterruptedException {
        for (int i = 0; i < 50; i++) {
            http.send(registration(suite, run + "-warmup-" + i), HttpResponse.BodyHandlers.discarding());
        }
    }

    private static HttpRequest registration(LocalSuite suite, String lastName) {
        return HttpRequest.newBuilder(URI.create(suite.gateway("/api/beneficiaries"))).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(Registrations.of(lastName, "75013"))).build();
    }

    /** Once every registration of the run is in aid-service's replica: percentiles of the lag, in milliseconds. */
    private static String awaitReplicaLag(LocalSuite suite, String run, int expected) throws Exception {
        String rows = "from beneficiary_replica where snapshot -> 'situation' -> 'identity' ->> 'lastName' like '" + run + "-%'"
                + " and snapshot -> 'situation' -> 'identity' ->> 'lastName' not like '%warmup%'";
        try (Connection db = DriverManager.getConnection(suite.jdbcUrl("aid"), "postgres", "");
             Statement statement = db.createStatement()) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                try (ResultSet count = statement.executeQuery("select count(*) " + rows)) {
                    count.next();
                    return count.getInt(1) >= expected;
                }
            });
            try (ResultSet lag = statement.executeQuery("""
                    select percentile_cont(0.5) within group (order by ms), percentile_cont(0.99) within group (order by ms),
                           max(ms), count(*)
                      from (select extract(epoch from replicated_at - (snapshot ->> 'updatedAt')::timestamptz) * 1000 as ms %s) lags
                    """.formatted(rows))) {
                lag.next();
                return "p50 %.0f, p99 %.0f, max %.0f (%d registrations)".formatted(lag.getDouble(1), lag.getDouble(2),
                        lag.getDouble(3), lag.getInt(4));
            }
        }
    }
}
