package fr.paris.casvp.guichet.systemtests;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.HdrHistogram.Histogram;

/**
 * An open-model load generator: requests start at the phases' arrival rates whatever the answers (a slow system cannot
 * slow its clients down and hide its queue), and each latency counts from the request's scheduled start, not from the
 * moment it was sent (no coordinated omission). Every answer is one of three outcomes: served (2xx, or what the
 * request expects), refused (429 or 503: the system shedding load, which a client retries after {@code Retry-After}),
 * or failed (anything else, an exception or a time-out).
 */
final class OpenLoad {

    /** A stretch of constant arrival rate. */
    record Phase(String name, double perSecond, Duration length) {
    }

    /**
     * One request to send: its kind (for the report), the request, the statuses that count as served (an application
     * queued while its service is saturated or down, 202, is accepted: it has its receipt and is applied later) and
     * what to do with a served answer's body (e.g. keep the id it created for later requests).
     */
    record Call(String kind, HttpRequest request, IntPredicate served, Consumer<String> onServed) {
        Call(String kind, HttpRequest request, int expected) {
            this(kind, request, status -> status == expected, body -> { });
        }

        Call(String kind, HttpRequest request, int expected, Consumer<String> onServed) {
            this(kind, request, status -> status == expected, onServed);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Runs the phases one after another; {@code calls} makes the i-th request of the whole run. */
    Result run(List<Phase> phases, IntFunction<Call> calls) throws Exception {
        Result result = new Result(phases);
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long start = System.nanoTime();
        long phaseStart = start;
        int index = 0;
        for (Phase phase : phases) {
            long interval = (long) (TimeUnit.SECONDS.toNanos(1) / phase.perSecond());
            long count = Math.round(phase.perSecond() * phase.length().toNanos() / 1e9);
            for (long i = 0; i < count; i++) {
                long scheduled = phaseStart + i * interval;
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                Call call = calls.apply(index++);
                int second = (int) ((scheduled - start) / 1_000_000_000L);
                inFlight.add(http.sendAsync(call.request(), HttpResponse.BodyHandlers.ofString())
                        .handle((response, error) -> {
                            long micros = Math.max(1, (System.nanoTime() - scheduled) / 1000);
                            result.record(phase, second, call, response, error, micros);
                            return null;
                        }));
            }
            phaseStart += phase.length().toNanos();
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        return result;
    }

    /** What a request came to. */
    enum Outcome { SERVED, REFUSED, FAILED }

    /** Latencies and counts by phase, by kind of request and by second of the run. */
    static final class Result {

        private final Map<String, Tally> byPhase = new LinkedHashMap<>();
        private final Map<String, Tally> byKind = new ConcurrentSkipListMap<>();
        private final Map<Integer, Tally> bySecond = new ConcurrentSkipListMap<>();
        private final Map<String, Integer> failures = new ConcurrentSkipListMap<>();
        private final Tally all = new Tally();
        private final List<Phase> phases;

        Result(List<Phase> phases) {
            this.phases = List.copyOf(phases);
            phases.forEach(phase -> byPhase.put(phase.name(), new Tally()));
        }

        private void record(Phase phase, int second, Call call, HttpResponse<String> response, Throwable error, long micros) {
            Outcome outcome;
            boolean retryAfter = false;
            if (error != null) {
                outcome = Outcome.FAILED;
                failures.merge(call.kind() + ": " + failure(rootCause(error)), 1, Integer::sum);
            } else if (call.served().test(response.statusCode())) {
                outcome = Outcome.SERVED;
                call.onServed().accept(response.body());
            } else if (response.statusCode() == 429 || response.statusCode() == 503) {
                outcome = Outcome.REFUSED;
                retryAfter = response.headers().firstValue("Retry-After").isPresent();
            } else {
                outcome = Outcome.FAILED;
                failures.merge(call.kind() + ": HTTP " + response.statusCode(), 1, Integer::sum);
            }
            int status = response == null ? 0 : response.statusCode();
            for (Tally tally : List.of(all, byPhase.get(phase.name()), byKind.computeIfAbsent(call.kind(), kind -> new Tally()),
                    bySecond.computeIfAbsent(second, s -> new Tally()))) {
                tally.add(outcome, status, micros, retryAfter);
            }
        }

        /**
         * The failure's kind; a bare {@code IOException} with its message, which tells a connection closed before the answer
         * ("header parser received no bytes") from one reset.
         */
        private static String failure(Throwable cause) {
            String kind = cause.getClass().getSimpleName();
            return cause.getClass() == IOException.class && cause.getMessage() != null ? kind + " (" + cause.getMessage() + ")" : kind;
        }

        private static Throwable rootCause(Throwable error) {
            Throwable cause = error;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            return cause;
        }

        Tally all() {
            return all;
        }

        Tally phase(String name) {
            return byPhase.get(name);
        }

        Map<String, Tally> byKind() {
            return byKind;
        }

        /** Second of the run (from the first scheduled start) → what started in it. */
        Map<Integer, Tally> bySecond() {
            return bySecond;
        }

        List<Phase> phases() {
            return phases;
        }

        /** "kind: HTTP 500" → how many; empty when nothing failed. */
        Map<String, Integer> failures() {
            return failures;
        }
    }

    /** The counts and latency histograms of a set of requests (served and refused apart). */
    static final class Tally {

        private final Histogram served = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        private final Histogram refused = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        private final Map<Integer, Integer> statuses = new TreeMap<>();
        private int failed;
        private int refusedWithoutRetryAfter;

        synchronized void add(Outcome outcome, int status, long micros, boolean retryAfter) {
            statuses.merge(status, 1, Integer::sum);
            switch (outcome) {
                case SERVED -> served.recordValue(micros);
                case REFUSED -> {
                    refused.recordValue(micros);
                    refusedWithoutRetryAfter += retryAfter ? 0 : 1;
                }
                case FAILED -> failed++;
            }
        }

        synchronized long served() {
            return served.getTotalCount();
        }

        synchronized long refused() {
            return refused.getTotalCount();
        }

        synchronized int failed() {
            return failed;
        }

        synchronized long total() {
            return served.getTotalCount() + refused.getTotalCount() + failed;
        }

        /** HTTP status → how many (0: no answer). */
        synchronized Map<Integer, Integer> statuses() {
            return Map.copyOf(statuses);
        }

        synchronized int refusedWithoutRetryAfter() {
            return refusedWithoutRetryAfter;
        }

        /** Milliseconds at the percentile of the served requests (0 when none). */
        synchronized double servedMs(double percentile) {
            return served.getTotalCount() == 0 ? 0 : served.getValueAtPercentile(percentile) / 1000.0;
        }

        synchronized double refusedMs(double percentile) {
            return refused.getTotalCount() == 0 ? 0 : refused.getValueAtPercentile(percentile) / 1000.0;
        }
    }
}
