package fr.paris.casvp.guichet.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.io.UncheckedIOException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #17's scale-out drill: two gateways behind the local balancer, two instances of each benefit service, a steady
 * load of applications and reads, and the monthly payment run of a month in progress. One instance of each benefit is
 * killed ({@code kill -9}; for Paris Solidarité, the one running the payment run), then one gateway. Measured: failed
 * requests (none for the benefits: a read whose connection broke is sent again by the gateway, a request whose gateway
 * died is sent again by the client with the same idempotency key), applications applied twice (none), the time until
 * the survivors hold every partition, and the payment run finished once.
 */
@ExtendWith(RunningSuite.class)
class ScaleOutDrillIT {

    private static final List<String> BENEFITS = List.of("aid", "solidarity", "transport");
    private static final String CARD = "SCALE12345";
    private static final int GRANTS = 30_000;
    private static final String MONTH = "2031-03";
    private static final int PEOPLE = 6;
    private static final Duration WARM_UP = Duration.ofSeconds(30);

    private static LocalSuite suite;
    private static final Map<String, List<String>> people = new LinkedHashMap<>();
    /** Other people, for the warm-up: their applications are not counted. */
    private static final Map<String, List<String>> warmUpPeople = new LinkedHashMap<>();

    @BeforeAll
    static void twoOfEach() throws Exception {
        suite = RunningSuite.suite();
        for (String component : List.of("gateway", "aid-service", "solidarity-service", "transport-service")) {
            assertThat(suite.guichet("scale", component, "2")).as(suite.output()).isZero();
        }
        GatewayClient agent = new GatewayClient(suite, "agent13");
        register(agent, "Montee", people);
        register(agent, "Echauffement", warmUpPeople);
        // A person has one Paris Solidarité application at a time (issue #36): the load files each one's first, for people
        // seeded in the service's copy of the registry (thousands: more than the load files).
        people.put("solidarity", SeededGrants.people(suite, "MONTEE", 3000));
        warmUpPeople.put("solidarity", SeededGrants.people(suite, "ECHAUF", 1000));
        SeededGrants.seed(suite, "2031", GRANTS, "2031-01-01", "2031-12-01");
        // New instances answer their first requests slowly (classes loaded, code compiled): as a rolling update lets
        // new pods take traffic gradually, they are warmed up before the drill, with other people's applications.
        Load warmUp = Load.start(warmUpPeople);
        Thread.sleep(WARM_UP.toMillis());
        warmUp.stop();
        // The drill starts from a steady state: each gateway sees every benefit available, its breaker closed (one
        // opened by a slow warm-up is half open after 15 s, and closes after a few calls that succeed: reads are sent).
        String token = suite.token("agent13");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String gateway : List.of("gateway", "gateway.2")) {
                for (String benefit : BENEFITS) {
                    suite.getFromGatewayInstance(gateway, "/api/" + benefit + "/beneficiaries/" + warmUpPeople.get(benefit).get(0), token);
                }
                String board = suite.getFromGatewayInstance(gateway, "/api/status", null);
                for (String benefit : BENEFITS) {
                    assertThat(JsonPath.<List<String>>read(board, "$.services[?(@.name == '" + benefit + "')].circuitBreaker"))
                            .as(gateway + " " + benefit).containsExactly("CLOSED");
                    assertThat(JsonPath.<List<String>>read(board, "$.services[?(@.name == '" + benefit + "')].availability"))
                            .as(gateway + " " + benefit).containsExactly("AVAILABLE");
                }
            }
        });
    }

    private static void register(GatewayClient agent, String name, Map<String, List<String>> registered) {
        for (String benefit : BENEFITS) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < PEOPLE; i++) {
                HttpResponse<String> answer = agent.post("/api/beneficiaries", UUID.randomUUID(),
                        Registrations.of(name + "-" + benefit + "-" + (char) ('a' + i), "75013"));
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
                ids.add(JsonPath.read(answer.body(), "$.id"));
            }
            registered.put(benefit, ids);
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> registered.entrySet().stream().allMatch(p -> p.getValue().stream()
                .allMatch(id -> agent.get("/api/" + p.getKey() + "/beneficiaries/" + id).statusCode() == 200)));
    }

    /** The suite as the other system tests expect it: one instance of each. */
    @AfterAll
    static void oneOfEach() {
        for (String component : List.of("gateway", "aid-service", "solidarity-service", "transport-service")) {
            assertThat(suite.guichet("scale", component, "1")).as(suite.output()).isZero();
        }
    }

    @Test
    void killOneInstanceOfEachBenefitThenAGatewayUnderLoadNothingFailsNothingTwiceAndTheRunFinishesOnce() throws Exception {
        GatewayClient supervisor = new GatewayClient(suite, "superviseur");
        Load load = Load.start(people);
        load.awaitAnswered(20);

        Map<String, Integer> membersOfTwo = new LinkedHashMap<>();
        try (Admin admin = Admin.create(suite.kafkaClient("admin"))) {
            for (String service : List.of("aid-service", "solidarity-service", "transport-service")) {
                await().atMost(Duration.ofSeconds(60)).until(() -> groups(admin, service).values().stream()
                        .allMatch(g -> g.groupState() == GroupState.STABLE && g.members().size() >= 2));
                groups(admin, service).forEach((group, description) -> membersOfTwo.put(group, description.members().size()));
            }
        }
        HttpResponse<String> run = supervisor.post("/api/solidarity/payment-runs", UUID.randomUUID(),
                "{\"month\":\"" + MONTH + "\",\"confirmStaleFigures\":true}");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> payments() > 0);
        String runner = instanceRunning("Payment run of psol " + MONTH + ": running on this instance");
        Instant killed = Instant.now();
        kill(runner);
        String otherSolidarity = runner.equals("solidarity-service") ? "solidarity-service.2" : "solidarity-service";
        kill("aid-service.2");
        kill("transport-service");
        long paidWhenKilled = payments();

        Map<String, Duration> takeover = new LinkedHashMap<>();
        try (Admin admin = Admin.create(suite.kafkaClient("admin"))) {
            for (String service : List.of("aid-service", "solidarity-service", "transport-service")) {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                        .until(() -> survivorsOnly(admin, service, membersOfTwo));
                takeover.put(service, Duration.between(killed, Instant.now()));
            }
        }
        load.awaitAnsweredSince(Instant.now(), 20);

        Instant gatewayKilled = Instant.now();
        kill("gateway");
        load.awaitAnsweredSince(Instant.now(), 30);
        List<Sent> sent = load.stop();
        Duration loadLength = Duration.between(sent.get(0).at(), Instant.now());

        await().atMost(Duration.ofMinutes(3)).until(() -> "COMPLETED".equals(runStatus()));
        Instant completed = Instant.now();
        Map<String, Long> lost = new LinkedHashMap<>();
        Map<String, Long> twice = new LinkedHashMap<>();
        for (String benefit : BENEFITS) {
            List<UUID> accepted = sent.stream().filter(s -> s.benefit().equals(benefit) && s.kind().equals("command")
                    && (s.status() == 201 || s.status() == 202)).map(Sent::key).distinct().toList();
            await().atMost(Duration.ofSeconds(120)).until(() -> applied(benefit, accepted) == accepted.size());
            lost.put(benefit, accepted.size() - applied(benefit, accepted));
            twice.put(benefit, applications(benefit) - accepted.size());
        }
        long payments = payments();
        long grantsPaid = query("solidarity", "select count(distinct grant_id) from psol_payment p join psol_grant g on g.id = p.grant_id"
                + " where p.month = '" + MONTH + "-01' and g.number like 'PSG-2031-%'");

        String figures = figures(sent, loadLength, runner, otherSolidarity, takeover, gatewayKilled, paidWhenKilled, payments,
                completed, killed, lost, twice);
        System.out.println(figures);
        Path report = Path.of(System.getProperty("guichet.system-test.home", "target")).resolveSibling("drills");
        Files.createDirectories(report);
        Files.writeString(report.resolve("scale-out.txt"), figures);

        for (String benefit : BENEFITS) {
            assertThat(sent).filteredOn(s -> s.benefit().equals(benefit)).as("%s's requests", benefit).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.status()).as("%s %s: %s", benefit, s.kind(), s.body()).isIn(200, 201, 202));
        }
        assertThat(lost.values()).as("accepted but never applied").containsOnly(0L);
        assertThat(twice.values()).as("applied twice").containsOnly(0L);
        assertThat(paidWhenKilled).as("killed in the middle of the run").isBetween(1L, GRANTS - 1L);
        assertThat(grantsPaid).as("every grant of the month paid").isEqualTo(GRANTS);
        assertThat(query("solidarity", "select count(*) from psol_payment p join psol_grant g on g.id = p.grant_id"
                + " where p.month = '" + MONTH + "-01' and g.number like 'PSG-2031-%'")).as("once").isEqualTo(GRANTS);
    }

    /**
     * True when every consumer group of the service has only the survivor's consumers left (half the members it had with
     * two instances; a listener may run several) and is stable: the survivor holds all its partitions.
     */
    private static boolean survivorsOnly(Admin admin, String service, Map<String, Integer> membersOfTwo) throws Exception {
        return groups(admin, service).entrySet().stream().allMatch(g -> g.getValue().groupState() == GroupState.STABLE
                && g.getValue().members().size() == membersOfTwo.getOrDefault(g.getKey(), 0) / 2);
    }

    private static Map<String, ConsumerGroupDescription> groups(Admin admin, String service) throws Exception {
        List<String> groups = admin.listGroups().all().get(10, TimeUnit.SECONDS).stream()
                .map(GroupListing::groupId).filter(g -> g.equals(service) || g.startsWith(service + ".")).toList();
        return admin.describeConsumerGroups(groups).all().get(10, TimeUnit.SECONDS);
    }

    /** The instance of solidarity-service whose log says it runs the month. */
    private static String instanceRunning(String line) throws Exception {
        Path logs = Path.of(System.getProperty("guichet.system-test.home", "target/guichet-home")).toAbsolutePath().resolve("logs");
        await().atMost(Duration.ofSeconds(30)).until(() -> find(logs, line).isPresent());
        return find(logs, line).orElseThrow();
    }

    private static Optional<String> find(Path logs, String line) throws Exception {
        for (String instance : List.of("solidarity-service", "solidarity-service.2")) {
            Path log = logs.resolve(instance + ".log");
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return Optional.of(instance);
            }
        }
        return Optional.empty();
    }

    private static void kill(String instance) throws Exception {
        new ProcessBuilder("kill", "-9", suite.pid(instance).orElseThrow()).start().waitFor();
    }

    /** Applications, reads and a status read through the balancer, every 250 ms; a request whose gateway died is sent again. */
    private static final class Load {

        private final GatewayClient agent = new GatewayClient(suite, "agent13");
        private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        private final ExecutorService senders = Executors.newCachedThreadPool();
        private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        private final List<Future<?>> inFlight = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger turn = new AtomicInteger();
        private final Map<String, List<String>> persons;

        private Load(Map<String, List<String>> persons) {
            this.persons = persons;
        }

        static Load start(Map<String, List<String>> persons) {
            Load load = new Load(persons);
            load.clock.scheduleAtFixedRate(load::tick, 0, 250, TimeUnit.MILLISECONDS);
            return load;
        }

        private void tick() {
            for (String benefit : BENEFITS) {
                List<String> candidates = persons.get(benefit);
                String person = candidates.get(Math.floorMod(turn.getAndIncrement(), candidates.size()));
                inFlight.add(senders.submit(() -> {
                    UUID key = UUID.randomUUID();
                    send(benefit, "command", key,
                            () -> agent.post(BenefitRequests.path(benefit), key, BenefitRequests.body(benefit, person, CARD)));
                }));
                inFlight.add(senders.submit(() -> send(benefit, "read", null,
                        () -> agent.get("/api/" + benefit + "/beneficiaries/" + person))));
            }
        }

        /**
     * Again, the same request (same idempotency key), when the connection broke: a client's retry. Twice at most: a
     * pooled connection to the dead gateway may break too.
     */
        private void send(String benefit, String kind, UUID key, java.util.function.Supplier<HttpResponse<String>> request) {
            Instant at = Instant.now();
            int attempts = 0;
            while (true) {
                attempts++;
                try {
                    HttpResponse<String> answer = request.get();
                    sent.add(new Sent(benefit, kind, key, at, answer.statusCode(), answer.body(), attempts));
                    return;
                } catch (UncheckedIOException broken) {
                    if (attempts == 3) {
                        sent.add(new Sent(benefit, kind, key, at, 0, broken.toString(), attempts));
                        return;
                    }
                }
            }
        }

        void awaitAnswered(int count) {
            awaitAnsweredSince(Instant.EPOCH, count);
        }

        void awaitAnsweredSince(Instant since, int count) {
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                List<Sent> answered = List.copyOf(sent);
                return BENEFITS.stream().allMatch(benefit -> answered.stream()
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
            List<Sent> all = new ArrayList<>(sent);
            all.sort(java.util.Comparator.comparing(Sent::at));
            return all;
        }
    }

    private record Sent(String benefit, String kind, UUID key, Instant at, int status, String body, int attempts) {
    }

    private static String figures(List<Sent> sent, Duration length, String runner, String otherSolidarity,
                                  Map<String, Duration> takeover, Instant gatewayKilled, long paidWhenKilled, long payments,
                                  Instant completed, Instant killed, Map<String, Long> lost, Map<String, Long> twice) {
        StringBuilder s = new StringBuilder("Scale-out drill (" + Instant.now() + "): 2 gateways, 2 instances of aid-service, "
                + "solidarity-service and transport-service behind the local balancer; kill -9 of aid-service.2, transport-service"
                + " and " + runner + " (running the payment run of " + MONTH + ", " + GRANTS + " grants), then of the gateway;"
                + " load for " + length.toSeconds() + " s\n");
        for (String benefit : BENEFITS) {
            List<Sent> mine = sent.stream().filter(x -> x.benefit().equals(benefit)).toList();
            s.append("  %-10s requests %4d  201/200 %4d  202 (queued) %3d  failed %2d  sent twice by the client %2d%n".formatted(
                    benefit, mine.size(), mine.stream().filter(x -> x.status() == 200 || x.status() == 201).count(),
                    mine.stream().filter(x -> x.status() == 202).count(),
                    mine.stream().filter(x -> x.status() == 0 || x.status() >= 400).count(),
                    mine.stream().filter(x -> x.attempts() > 1).count()));
        }
        s.append("  sent again by the client after the gateway's kill (its connection broke): %d%n".formatted(sent.stream()
                .filter(x -> x.attempts() > 1 && x.at().isAfter(gatewayKilled.minusSeconds(10))).count()));
        s.append("  accepted but not applied  %s; applied twice %s%n".formatted(lost, twice));
        takeover.forEach((service, time) -> s.append("  %-20s survivor holds every partition %5d ms after the kill%n"
                .formatted(service, time.toMillis())));
        s.append("  payment run: %d of %d paid at the kill, COMPLETED %d ms after the kill, by %s; %d payments%n".formatted(
                paidWhenKilled, GRANTS, Duration.between(killed, completed).toMillis(), otherSolidarity, payments));
        return s.toString();
    }

    /** The accepted keys the service applied (its idempotency record, answered 201). */
    private static long applied(String benefit, List<UUID> keys) throws Exception {
        if (keys.isEmpty()) {
            return 0;
        }
        String in = String.join(",", keys.stream().map(k -> "'" + k + "'").toList());
        return query(benefit, "select count(*) from idempotent_command where status = 201 and idempotency_key in (" + in + ")");
    }

    /** The applications of the drill's people: one per accepted key, or one was applied twice. */
    private static long applications(String benefit) throws Exception {
        String table = switch (benefit) {
            case "aid" -> "aid_application";
            case "solidarity" -> "psol_application";
            default -> "transport_pass";
        };
        String in = String.join(",", people.get(benefit).stream().map(id -> "'" + id + "'").toList());
        return query(benefit, "select count(*) from " + table + " where beneficiary_id in (" + in + ")");
    }

    private static long payments() throws Exception {
        return query("solidarity", "select count(*) from psol_payment where month = '" + MONTH + "-01'");
    }

    private static String runStatus() throws Exception {
        try (Connection connection = suite.database("solidarity");
             Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery("select status from psol_payment_run where month = '" + MONTH + "-01'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static long query(String database, String sql) throws Exception {
        try (Connection connection = suite.database(database);
             Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
