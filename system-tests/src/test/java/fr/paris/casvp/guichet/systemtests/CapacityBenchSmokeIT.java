package fr.paris.casvp.guichet.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every scenario of {@link CapacityBench} at a CI size, with the system tests, on their suite: a tenth of the rates, a
 * fifteenth of the lengths (a second at least), the report in {@code target/bench-smoke} (never {@code docs/}). It keeps
 * the benchmark from rotting between the runs that measure: each scenario runs to its end, sends what it should, and
 * no request fails (a refusal with 429 or 503 is not a failure); its figures mean nothing and nothing asserts them.
 */
class CapacityBenchSmokeIT extends CapacityBench {

    @BeforeAll
    static void reportOutsideTheDocs() {
        BenchReport.writeInto(Path.of("target", "bench-smoke"));
    }

    @Override
    Duration seconds(int seconds) {
        return Duration.ofSeconds(Math.max(1, seconds / 15));
    }

    @Override
    int rate(int perSecond) {
        return Math.max(2, perSecond / 10);
    }

    @Override
    void checked(OpenLoad.Result result) {
        assertThat(result.all().failed()).as("requests failed: %s", result.failures()).isZero();
        assertThat(result.all().served()).isPositive();
    }
}
