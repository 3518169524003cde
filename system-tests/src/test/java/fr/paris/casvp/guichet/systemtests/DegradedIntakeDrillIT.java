package fr.paris.casvp.guichet.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #8's continuity drills, on the suite as processes: a benefit that fails never closes the counter. Its
 * applications are queued with a receipt while it is down and processed exactly once, with their reception time, when
 * it returns; the other benefits answer every request meanwhile. The outage lasts {@code drill.outage-seconds} (30 by
 * default; longer on demand: {@code -Ddrill.outage-seconds=120}).
 */
@ExtendWith(RunningSuite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DegradedIntakeDrillIT {

    private static final String DRILL_CARD = "DRILL12345";
    private static LocalSuite suite;
    /** Several people per benefit: the queue drains several partitions (beneficiaries) at once. */
    private static final int PEOPLE_PER_BENEFIT = 12;
    private static final Map<String, List<String>> people = new HashMap<>();
    private static final java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeAll
    static void suite() throws Exception {
        suite = RunningSuite.suite();
        GatewayClient agent = new GatewayClient(suite, "agent13");
        for (String benefit : List.of("aid", "solidarity", "transport")) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < PEOPLE_PER_BENEFIT; i++) {
                HttpResponse<String> registered = agent.post("/api/beneficiaries", UUID.randomUUID(),
                        Registrations.of("Exercice-" + benefit + "-" + (char) ('a' + i), "75013"));
                assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
                ids.add(JsonPath.read(registered.body(), "$.id"));
            }
            people.put(benefit, ids);
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> people.entrySet().stream().allMatch(p -> p.getValue().stream()
                .allMatch(id -> agent.get("/api/" + p.getKey() + "/beneficiaries/" + id).statusCode() == 200)));
        // A person has one Paris Solidarité application at a time (issue #36): the load files each one's first, for people
        // seeded in the service's copy of the registry (more than the drills file).
        people.put("solidarity", SeededGrants.people(suite, "EXERCICE", 6000));
    }

    /**
     * Each drill starts from a calm suite: every benefit available, its breaker closed. The last drill's breaker stays
     * open 15 s, then half-open until a few calls succeed: reads are sent meanwhile.
     */
    @BeforeEach
    void everyBenefitAvailable() {
        GatewayClient agent = new GatewayClient(suite, "agent13");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String benefit : List.of("aid", "solidarity", "transport")) {
                agent.get("/api/" + benefit + "/replica");
            }
            agent.get("/api/beneficiaries?nir=100000000000000");
            String board = agent.get("/api/status").body();
            for (String benefit : List.of("beneficiaries", "aid", "solidarity", "transport")) {
                assertThat(field(board, benefit, "availability")).as(benefit).isEqualTo("AVAILABLE");
                assertThat(field(board, benefit, "circuitBreaker")).as(benefit).isEqualTo("CLOSED");
            }
        });
    }

    @Test
    @Order(1)
    void aNavigoRequestWhileTransportIsStoppedGetsAReceiptAndIsProcessedWhenItReturns() {
        GatewayClient agent = new GatewayClient(suite, "agent13");
        assertThat(suite.guichet("stop", "transport-service")).isZero();
        try {
            HttpResponse<String> queued = agent.post("/api/transport/passes", UUID.randomUUID(), body("transport", "STOPPED001"));
            assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
            String number = JsonPath.read(queued.body(), "$.receipt.number");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String board = agent.get("/api/status").body();
                assertThat(field(board, "transport", "availability")).isEqualTo("DEGRADED");
                assertThat(field(board, "transport", "queued")).isEqualTo("1");
                assertThat(field(board, "aid", "availability")).isEqualTo("AVAILABLE");
            });
            assertThat(JsonPath.<String>read(agent.get("/api/receipts/" + number).body(), "$.status")).isEqualTo("QUEUED");
            assertThat(agent.get("/statut").body()).contains("État des services");
        } finally {
            assertThat(suite.guichet("start", "transport-service")).as(suite.output()).isZero();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String board = agent.get("/api/status").body();
            assertThat(field(board, "transport", "availability")).isEqualTo("AVAILABLE");
            assertThat(field(board, "transport", "queued")).isEqualTo("0");
        });
    }

    @Test
    @Order(2)
    void killOneBenefitUnderLoadTheOthersAnswerEveryRequestAndEveryQueuedCommandIsProcessedOnce() throws Exception {
        int outageSeconds = Integer.getInteger("drill.outage-seconds", 15);
        GatewayClient agent = new GatewayClient(suite, "agent13");
        Load load = Load.start(DRILL_CARD);

        load.awaitCommandsAnsweredSince(Instant.EPOCH, 10);
        Instant killedAt = Instant.now();
        new ProcessBuilder("kill", "-9", suite.pid("transport-service").orElseThrow()).start().waitFor();
        Instant breakerOpen = null;
        while (Duration.between(killedAt, Instant.now()).toSeconds() < outageSeconds) {
            if (breakerOpen == null && String.valueOf(field(agent.get("/api/status").body(), "transport", "circuitBreaker")).endsWith("OPEN")) {
                breakerOpen = Instant.now();
            }
            Thread.sleep(200);
        }
        Instant restartAt = Instant.now();
        assertThat(suite.guichet("start", "transport-service")).as(suite.output()).isZero();
        Instant readyAt = Instant.now();
        load.awaitCommandsAnsweredSince(readyAt, 10);
        List<Sent> sent = load.stop();

        List<Sent> queued = sent.stream().filter(s -> s.status() == 202).toList();
        Instant drained = null;
        for (Instant deadline = Instant.now().plusSeconds(120); Instant.now().isBefore(deadline); Thread.sleep(200)) {
            if (processed(queued) == queued.size()) {
                drained = Instant.now();
                break;
            }
        }
        Map<String, Long> duplicates = anomaliesByKey(sent, DRILL_CARD);

        String figures = figures(sent, queued.size(), killedAt, breakerOpen, restartAt, readyAt, drained, duplicates.size(), outageSeconds);
        System.out.println(figures);
        Path report = Path.of(System.getProperty("guichet.system-test.home", "target")).resolveSibling("drills");
        Files.createDirectories(report);
        Files.writeString(report.resolve("degraded-intake.txt"), figures);

        answeredEveryRequest(sent, "aid", "solidarity");
        everyCommandAccepted(sent, "transport");
        assertThat(queued).as("commands queued during the outage").isNotEmpty();
        assertThat(drained).as("every queued command processed after the restart").isNotNull();
        assertThat(duplicates).as("no command applied twice").isEmpty();
        for (Sent command : queued) {
            Instant receivedAt = Instant.parse(JsonPath.read(command.body(), "$.receipt.receivedAt"));
            assertThat(query("select count(*) from transport_pass where receipt_number = '"
                    + JsonPath.read(command.body(), "$.receipt.number") + "' and received_at = '" + receivedAt + "'"))
                    .as("queued %s keeps its reception time", command.key()).isEqualTo(1);
        }
    }

    /**
     * Issue #39: transport-service frozen (SIGSTOP, as a lock, a full pause or an exhausted pool would freeze it) for
     * {@code drill.hang-seconds} (30), while an agent files Navigo passes one after another, a second apart. The
     * gateway sees the hang with its readiness probe, holds the breaker open and queues each filing at once; on SIGCONT
     * its probe brings the benefit back. Each filing's answer time, the time to DEGRADED and back to AVAILABLE are
     * written to {@code target/drills/hung-service.txt} (docs/continuity.md gives them). Asserted: every filing accepted,
     * none lost, none applied twice; the waits stay well under the route's 10 s time limit (the figures themselves are
     * measured, not asserted: this machine is shared).
     */
    @Test
    @Order(3)
    void aFrozenServiceIsSeenByTheGatewaysProbeAndEveryFilingIsQueuedAtOnceUntilItAnswersAgain() throws Exception {
        int hangSeconds = Integer.getInteger("drill.hang-seconds", 30);
        String card = "HUNG123456";
        GatewayClient agent = new GatewayClient(suite, "agent13");
        List<Sent> filings = new ArrayList<>();
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            file(agent, card, filings, waits);
        }
        BoardWatch board = BoardWatch.start(agent, "transport");
        String pid = suite.pid("transport-service").orElseThrow();
        new ProcessBuilder("kill", "-STOP", pid).start().waitFor();
        Instant frozenAt = Instant.now();
        int before = filings.size();
        Instant resumedAt;
        try {
            while (Duration.between(frozenAt, Instant.now()).toSeconds() < hangSeconds) {
                file(agent, card, filings, waits);
                Thread.sleep(1000);
            }
        } finally {
            new ProcessBuilder("kill", "-CONT", pid).start().waitFor();
            resumedAt = Instant.now();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> board.availableSince(resumedAt) != null);
        for (int i = 0; i < 3; i++) {
            file(agent, card, filings, waits);
        }
        board.stop();

        List<Long> frozenWaits = waits.subList(before, before + (filings.size() - before - 3));
        Instant degraded = board.degradedSince(frozenAt);
        Instant available = board.availableSince(resumedAt);
        List<Sent> queued = filings.stream().filter(s -> s.status() == 202).toList();
        // By idempotency key, not receipt number: a filing cut while the service held it may be applied from that very
        // request when the service resumes, and its queued twin then answers the same application.
        await().atMost(Duration.ofSeconds(120)).until(() -> anomaliesByKey(filings, card).isEmpty());
        Map<String, Long> anomalies = anomaliesByKey(filings, card);
        String figures = "Hung-service drill (" + Instant.now() + "): transport-service frozen (SIGSTOP) " + hangSeconds
                + " s while an agent files a Navigo pass every second\n"
                + "  filings while frozen       %d, of which queued %d%n".formatted(frozenWaits.size(), queued.size())
                + "  answer times while frozen  %s ms%n".formatted(frozenWaits)
                + "  slowest while frozen       %d ms%n".formatted(frozenWaits.stream().mapToLong(Long::longValue).max().orElse(0))
                + "  answer times before/after  %s / %s ms%n".formatted(waits.subList(0, before), waits.subList(waits.size() - 3, waits.size()))
                + "  DEGRADED after the freeze  %s%n".formatted(after(frozenAt, degraded))
                + "  AVAILABLE after the resume %s%n".formatted(after(resumedAt, available))
                + "  lost or applied twice      %s%n".formatted(anomalies.isEmpty() ? "none" : anomalies);
        System.out.print(figures);
        Path report = Path.of(System.getProperty("guichet.system-test.home", "target")).resolveSibling("drills");
        Files.createDirectories(report);
        Files.writeString(report.resolve("hung-service.txt"), figures);

        assertThat(filings).allSatisfy(s -> assertThat(s.status()).as(s.body()).isIn(201, 202));
        assertThat(queued).as("filed while frozen: queued").hasSizeGreaterThanOrEqualTo(frozenWaits.size());
        assertThat(filings.subList(filings.size() - 3, filings.size())).as("filed online again after the resume")
                .allSatisfy(s -> assertThat(s.status()).isEqualTo(201));
        assertThat(anomalies).as("nothing lost, nothing applied twice").isEmpty();
        assertThat(degraded).as("the board showed DEGRADED").isNotNull();
        assertThat(frozenWaits).as("no filing waited for the route's 10 s time limit")
                .allSatisfy(wait -> assertThat(wait).isLessThan(8000));
    }

    private static String after(Instant from, Instant to) {
        return to == null ? "never" : Duration.between(from, to).toMillis() + " ms";
    }

    private static void file(GatewayClient agent, String card, List<Sent> filings, List<Long> waits) {
        UUID key = UUID.randomUUID();
        Instant at = Instant.now();
        long start = System.nanoTime();
        HttpResponse<String> answer = agent.post(path("transport"), key, body("transport", card));
        waits.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
        filings.add(new Sent("transport", "command", key, at, Duration.between(at, Instant.now()), answer.statusCode(), answer.body()));
    }

    /** Reads the status board every 100 ms and keeps when a service's availability changed. */
    private static final class BoardWatch {

        private final List<Map.Entry<Instant, String>> seen = Collections.synchronizedList(new ArrayList<>());
        private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor();

        static BoardWatch start(GatewayClient agent, String service) {
            BoardWatch watch = new BoardWatch();
            watch.reader.scheduleWithFixedDelay(() -> {
                try {
                    watch.seen.add(Map.entry(Instant.now(), String.valueOf(field(agent.get("/api/status").body(), service, "availability"))));
                } catch (RuntimeException e) {
                    // the board not read this time: the next read says it
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
            return watch;
        }

        Instant degradedSince(Instant after) {
            return first(after, "DEGRADED");
        }

        Instant availableSince(Instant after) {
            return first(after, "AVAILABLE");
        }

        private Instant first(Instant after, String availability) {
            synchronized (seen) {
                return seen.stream().filter(e -> !e.getKey().isBefore(after) && e.getValue().equals(availability))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
            }
        }

        void stop() {
            reader.shutdownNow();
        }
    }

    @Test
    @Order(4)
    void aServicesDatabaseDownDegradesThatBenefitOnlyAndItsQueueDrainsWhenItReturns() throws Exception {
        GatewayClient agent = new GatewayClient(suite, "agent13");
        Load load = Load.start("NODB123456");
        load.awaitCommandsAnsweredSince(Instant.EPOCH, 6);
        admin("alter database aid allow_connections false",
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = 'aid'");
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(field(agent.get("/api/status").body(), "aid", "availability")).isEqualTo("DEGRADED"));
            Thread.sleep(15_000); // the outage's length
        } finally {
            admin("alter database aid allow_connections true");
        }
        load.awaitCommandsAnsweredSince(Instant.now(), 10);
        List<Sent> sent = load.stop();
        System.out.printf("Database drill (aid's database refused connections under load)%n%s", summary(sent));

        answeredEveryRequest(sent, "solidarity", "transport");
        everyCommandAccepted(sent, "aid");
        assertThat(sent).filteredOn(s -> s.benefit().equals("aid") && s.status() == 202).as("aid's applications queued").isNotEmpty();
        everyQueuedCommandProcessed(agent, sent, "aid");
    }

    @Test
    @Order(5)
    void kafkaDownUnderLoadSynchronousOperationsWorkAndNothingPublishedIsLostOrReordered() throws Exception {
        int outageSeconds = Integer.getInteger("drill.outage-seconds", 15);
        Load load = Load.start("KAFKA12345");
        load.awaitCommandsAnsweredSince(Instant.EPOCH, 6);
        Instant stopping = Instant.now();
        assertThat(suite.guichet("stop", "kafka")).isZero();
        Instant starting = Instant.now();
        try {
            Thread.sleep(outageSeconds * 1000L); // the outage's length
            starting = Instant.now();
        } finally {
            assertThat(suite.guichet("start", "kafka")).as(suite.output()).isZero();
        }
        Instant started = Instant.now();
        load.awaitCommandsAnsweredSince(Instant.now(), 6);
        List<Sent> sent = load.stop();
        System.out.printf("Kafka drill (the broker stopped %d s under load: stopping at %s, starting at %s, started at %s)%n%s",
                outageSeconds, stopping, starting, started, summary(sent));

        answeredEveryRequest(sent, "aid", "solidarity", "transport");
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            for (String database : List.of("aid", "solidarity", "transport")) {
                assertThat(query(database, "select count(*) from outbox_event where sent_at is null")).as(database + "'s outbox").isZero();
            }
        });
        List<String> filed = sent.stream().filter(s -> s.benefit().equals("aid") && s.status() == 201)
                .map(s -> (String) JsonPath.read(s.body(), "$.id")).toList();
        Map<String, List<String>> numbersByKey = receivedEvents(filed);
        assertThat(numbersByKey.values().stream().mapToInt(List::size).sum()).as("every application's event published").isEqualTo(filed.size());
        numbersByKey.forEach((key, numbers) -> assertThat(numbers).as("in order for %s", key).isSorted());
    }

    @Test
    @Order(6)
    void theRegistryDownUnderLoadEveryBenefitKeepsWorkingFromItsReplica() throws Exception {
        Load load = Load.start("REGIS12345");
        load.awaitCommandsAnsweredSince(Instant.EPOCH, 6);
        assertThat(suite.guichet("stop", "beneficiary-service")).isZero();
        try {
            Thread.sleep(20_000); // the outage's length
        } finally {
            assertThat(suite.guichet("start", "beneficiary-service")).as(suite.output()).isZero();
        }
        List<Sent> sent = load.stop();
        System.out.printf("Registry drill (beneficiary-service stopped 20 s under load)%n%s", summary(sent));

        answeredEveryRequest(sent, "aid", "solidarity", "transport");
    }

    /** A steady load on the three benefits at once: an application and a read per benefit every 500 ms. */
    private static final class Load {

        private final GatewayClient agent = new GatewayClient(suite, "agent13");
        private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        private final ExecutorService senders = Executors.newCachedThreadPool();
        private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        private final List<Future<?>> inFlight = Collections.synchronizedList(new ArrayList<>());

        static Load start(String card) {
            Load load = new Load();
            load.clock.scheduleAtFixedRate(() -> {
                for (String benefit : List.of("aid", "solidarity", "transport")) {
                    load.inFlight.add(load.senders.submit(() -> {
                        UUID key = UUID.randomUUID();
                        Instant at = Instant.now();
                        HttpResponse<String> answer = load.agent.post(path(benefit), key, body(benefit, card));
                        load.sent.add(new Sent(benefit, "command", key, at, Duration.between(at, Instant.now()), answer.statusCode(),
                                answer.body()));
                    }));
                    load.inFlight.add(load.senders.submit(() -> {
                        Instant at = Instant.now();
                        HttpResponse<String> answer = load.agent.get("/api/" + benefit + "/beneficiaries/" + people.get(benefit).get(0));
                        load.sent.add(new Sent(benefit, "read", null, at, Duration.between(at, Instant.now()), answer.statusCode(),
                                answer.body()));
                    }));
                }
            }, 0, 500, TimeUnit.MILLISECONDS);
            return load;
        }

        /** Waits until each benefit has answered {@code count} commands sent since {@code since}: the load runs through. */
        void awaitCommandsAnsweredSince(Instant since, int count) {
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                List<Sent> answered = List.copyOf(sent);
                return List.of("aid", "solidarity", "transport").stream().allMatch(benefit -> answered.stream()
                        .filter(s -> s.benefit().equals(benefit) && s.kind().equals("command") && !s.at().isBefore(since))
                        .count() >= count);
            });
        }

        List<Sent> stop() throws Exception {
            clock.shutdown();
            clock.awaitTermination(5, TimeUnit.SECONDS);
            for (Future<?> future : List.copyOf(inFlight)) {
                future.get(60, TimeUnit.SECONDS);
            }
            senders.shutdown();
            return List.copyOf(sent);
        }
    }

    /** Every request to these benefits answered by the service itself; a failure names the requests that were not. */
    private static void answeredEveryRequest(List<Sent> sent, String... benefits) {
        for (String benefit : benefits) {
            List<Sent> mine = sent.stream().filter(s -> s.benefit().equals(benefit)).toList();
            assertThat(mine).as("%s's requests", benefit).isNotEmpty();
            List<String> unanswered = mine.stream().filter(s -> s.status() != 200 && s.status() != 201)
                    .map(s -> "%s %s sent at %s, answered in %d ms: %d %s".formatted(benefit, s.kind(), s.at(), s.took().toMillis(),
                            s.status(), s.body()))
                    .toList();
            assertThat(unanswered).as("%s's requests not answered by the service (%d sent)", benefit, mine.size()).isEmpty();
        }
    }

    private static void everyCommandAccepted(List<Sent> sent, String benefit) {
        assertThat(sent).filteredOn(s -> s.benefit().equals(benefit) && s.kind().equals("command"))
                .allSatisfy(s -> assertThat(s.status()).as(s.body()).isIn(201, 202));
    }

    private static void everyQueuedCommandProcessed(GatewayClient agent, List<Sent> sent, String benefit) {
        List<String> receipts = sent.stream().filter(s -> s.benefit().equals(benefit) && s.status() == 202)
                .map(s -> (String) JsonPath.read(s.body(), "$.receipt.number")).toList();
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            for (String number : receipts) {
                assertThat(JsonPath.<String>read(agent.get("/api/receipts/" + number).body(), "$.status")).as(number).isEqualTo("RECEIVED");
            }
        });
    }

    private static String summary(List<Sent> sent) {
        StringBuilder s = new StringBuilder();
        for (String benefit : List.of("aid", "solidarity", "transport")) {
            List<Sent> mine = sent.stream().filter(x -> x.benefit().equals(benefit)).toList();
            s.append("  %-10s requests %4d  2xx %4d  202 %4d  5xx %3d%n".formatted(benefit, mine.size(),
                    mine.stream().filter(x -> x.status() / 100 == 2).count(), mine.stream().filter(x -> x.status() == 202).count(),
                    mine.stream().filter(x -> x.status() >= 500).count()));
        }
        return s.toString();
    }

    /** The application numbers of the RECEIVED events of these applications on aid.events.v1, by record key, in topic order. */
    private static Map<String, List<String>> receivedEvents(List<String> applicationIds) {
        Map<String, List<String>> byKey = new HashMap<>();
        java.util.Set<String> wanted = new java.util.HashSet<>(applicationIds);
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (org.apache.kafka.clients.consumer.KafkaConsumer<String, String> consumer =
                     new org.apache.kafka.clients.consumer.KafkaConsumer<>(suite.kafkaClient("admin", Map.of(
                org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG, "drill-" + UUID.randomUUID(),
                org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")),
                new org.apache.kafka.common.serialization.StringDeserializer(), new org.apache.kafka.common.serialization.StringDeserializer())) {
            consumer.subscribe(List.of("aid.events.v1"));
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    String id = JsonPath.read(r.value(), "$.applicationId");
                    if (wanted.contains(id) && "RECEIVED".equals(JsonPath.read(r.value(), "$.transition")) && seen.add(id)) {
                        byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(JsonPath.read(r.value(), "$.applicationNumber"));
                    }
                });
                return seen.size() >= wanted.size();
            });
        }
        return byKey;
    }

    private static void admin(String... statements) throws Exception {
        try (Connection connection = suite.database("postgres");
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** A request of the load: when it left, how long its answer took, and the answer. */
    private record Sent(String benefit, String kind, UUID key, Instant at, Duration took, int status, String body) {
    }

    private static long processed(List<Sent> queued) throws Exception {
        if (queued.isEmpty()) {
            return 0;
        }
        StringBuilder receipts = new StringBuilder();
        for (Sent s : queued) {
            receipts.append(receipts.isEmpty() ? "" : ",").append('\'').append((String) JsonPath.read(s.body(), "$.receipt.number")).append('\'');
        }
        return query("select count(*) from transport_pass where receipt_number in (" + receipts + ")");
    }

    /**
     * What went wrong, compared by idempotency key: a key accepted (201 or 202) but never applied is lost; more passes
     * than keys applied is a command applied twice.
     */
    private static Map<String, Long> anomaliesByKey(List<Sent> sent, String card) throws Exception {
        Map<String, Long> anomalies = new HashMap<>();
        List<String> accepted = sent.stream().filter(s -> s.benefit().equals("transport") && s.kind().equals("command")
                && (s.status() == 201 || s.status() == 202)).map(s -> "'" + s.key() + "'").distinct().toList();
        long applied = accepted.isEmpty() ? 0 : query("select count(*) from idempotent_command where status = 201 and idempotency_key in ("
                + String.join(",", accepted) + ")");
        long passes = query("select count(*) from transport_pass where navigo_card_number = '" + card + "'");
        if (applied < accepted.size()) {
            anomalies.put("lost", accepted.size() - applied);
        }
        if (passes != accepted.size()) {
            anomalies.put("passes " + passes + " for " + accepted.size() + " keys", Math.abs(passes - accepted.size()));
        }
        return anomalies;
    }

    private static String figures(List<Sent> sent, int queued, Instant killedAt, Instant breakerOpen, Instant restartAt,
                                  Instant readyAt, Instant drained, int anomalies, int outageSeconds) {
        StringBuilder s = new StringBuilder("Degraded intake drill (" + Instant.now() + "): transport-service killed (kill -9) for "
                + outageSeconds + " s under steady load on the three benefits\n");
        for (String benefit : List.of("aid", "solidarity", "transport")) {
            List<Sent> mine = sent.stream().filter(x -> x.benefit().equals(benefit)).toList();
            s.append("  %-10s requests %4d  2xx %4d  202 %4d  5xx %3d%n".formatted(benefit, mine.size(),
                    mine.stream().filter(x -> x.status() / 100 == 2).count(), mine.stream().filter(x -> x.status() == 202).count(),
                    mine.stream().filter(x -> x.status() >= 500).count()));
        }
        s.append("  queued commands            %d%n".formatted(queued));
        s.append("  lost or duplicated         %d%n".formatted(anomalies));
        s.append("  breaker open after kill    %s%n".formatted(
                breakerOpen == null ? "never" : Duration.between(killedAt, breakerOpen).toMillis() + " ms"));
        s.append("  queue drained after restart %s%n".formatted(drained == null ? "not within 120 s"
                : Duration.between(restartAt, drained).toMillis() + " ms, of which the service's start "
                + Duration.between(restartAt, readyAt).toMillis() + " ms"));
        try {
            s.append(rates(sent, restartAt));
        } catch (Exception e) {
            s.append("  rates not measured: ").append(e).append('\n');
        }
        return s.toString();
    }

    /**
     * The commands queued before the restart: how fast they arrived (their reception times at the gateway) and how fast
     * the service applied them (their filing times in its database).
     */
    private static String rates(List<Sent> sent, Instant restartAt) throws Exception {
        StringBuilder receipts = new StringBuilder();
        for (Sent s : sent) {
            if (s.status() == 202 && s.at().isBefore(restartAt)) {
                receipts.append(receipts.isEmpty() ? "" : ",").append('\'').append((String) JsonPath.read(s.body(), "$.receipt.number")).append('\'');
            }
        }
        try (Connection connection = suite.database("transport");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*), extract(epoch from max(received_at) - min(received_at)), "
                     + "extract(epoch from max(filed_at) - min(filed_at)) from transport_pass where receipt_number in (" + receipts + ")")) {
            rs.next();
            long count = rs.getLong(1);
            double arrival = count / Math.max(0.001, rs.getDouble(2));
            double drain = count / Math.max(0.001, rs.getDouble(3));
            return "  backlog of %d: arrived at %.1f/s, applied at %.1f/s once the service was back: %.0f times faster%n"
                    .formatted(count, arrival, drain, drain / arrival);
        }
    }

    private static String path(String benefit) {
        return BenefitRequests.path(benefit);
    }

    private static String body(String benefit, String card) {
        List<String> candidates = people.get(benefit);
        return BenefitRequests.body(benefit, candidates.get(Math.floorMod(turn.getAndIncrement(), candidates.size())), card);
    }

    private static String field(String board, String service, String field) {
        List<Object> values = JsonPath.read(board, "$.services[?(@.name == '" + service + "')]." + field);
        return values.isEmpty() ? null : String.valueOf(values.get(0));
    }

    private static long query(String sql) throws Exception {
        return query("transport", sql);
    }

    private static long query(String database, String sql) throws Exception {
        try (Connection connection = suite.database(database);
             Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
