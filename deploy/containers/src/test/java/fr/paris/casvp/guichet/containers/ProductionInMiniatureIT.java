package fr.paris.casvp.guichet.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.jayway.jsonpath.JsonPath;
import fr.paris.casvp.guichet.contracts.benefit.Benefit;
import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import fr.paris.casvp.guichet.local.KafkaCertificates;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * Issue #34: the production configuration, run. The applications start from their images with the settings their
 * Kubernetes Deployments give them (the rendered manifests of the {@code local-cluster} overlay, every secret and
 * config map value made up by {@link Cluster}), against PostgreSQL and Kafka in containers made as the operators make
 * them: each database bootstrapped in CloudNativePG's order, Kafka over SASL_SSL with a CA of this run. What a
 * Deployment says is what runs: the init container that alone holds the owner's credentials applies the migrations,
 * the service connects with the application role, serves its actuator on its management port, logs JSON, and keeps
 * the Deployment's read-only root file system and memory limit. Around them, what a cluster's neighbours would be: the
 * sign-in service (the local issuer's image), a mail relay (the local run's SMTP server) and the two partners (the
 * simulators' image), which connect from outside Guichet's pods over TLS with the cluster's CA.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionInMiniatureIT {

    private static final Path ROOT = Path.of(System.getProperty("guichet.root", "../.."));
    private static final String VERSION = System.getProperty("guichet.version");
    private static final String KAFKA = "guichet-kafka-bootstrap";
    /** The second site's cluster, which MirrorMaker 2 keeps a copy of what only Kafka holds in. */
    private static final String KAFKA_COPY = "guichet-dr-kafka-bootstrap";
    /**
     * Where the containers' mapped ports answer: podman publishes them on this machine's loopback (Testcontainers'
     * own guess, podman's default network gateway, is not reached from a network of the test's own).
     */
    private static final String HOST = "127.0.0.1";

    private static PodmanService podman;
    private static Network network;
    private static Manifests manifests;
    private static Cluster cluster;
    /** The registry, every declared benefit's service and the notices: each started from its image and its manifest. */
    private static final List<String> SERVICES = Stream.of(Stream.of("beneficiary-service"), Benefits.all().stream().map(Benefit::service),
            Stream.of("notice-service")).flatMap(s -> s).toList();
    private static final List<GenericContainer<?>> containers = new CopyOnWriteArrayList<>();
    private static KafkaCertificates tls;
    private static GenericContainer<?> mail;
    private static GenericContainer<?> issuer;
    private static GenericContainer<?> postgres;
    private static GenericContainer<?> kafka;
    private static GenericContainer<?> kafkaCopy;
    /** Where aid-service's database is since the restore drill: the first instance, or the restored one. */
    private static boolean aidRestored;
    private static GenericContainer<?> beneficiaries;
    private static GenericContainer<?> aid;
    private static GenericContainer<?> partners;
    /** Where the database instance archives its WAL: the restore drill's object store. */
    private static final String ARCHIVE = "/var/lib/postgresql/archive";
    /** The port of the instance the restore drill recovers, next to the first one. */
    private static final int RESTORED_PORT = 5433;
    private static GenericContainer<?> gateway;

    @BeforeAll
    static void cluster() throws Exception {
        Path base = Path.of(System.getProperty("user.home"), ".cache/guichet/images/base-jre.tar");
        assumeTrue(PodmanService.available() && PodmanService.onPath("kubectl") && Files.exists(base)
                        && Files.exists(ROOT.resolve("beneficiary-service/target/jib-image.tar")),
                "the container tests need podman, kubectl, and the images (deploy/images/base-image, then the build); .ci/run has them");
        podman = PodmanService.start();
        PodmanService.load(Path.of(PodmanService.run(ROOT.resolve("deploy/images/postgres-image").toString()).strip()
                .lines().reduce((first, last) -> last).orElseThrow()));
        for (String module : Stream.of(Stream.of("deploy/local", "deploy/local-issuer"), SERVICES.stream(),
                Stream.of("gateway", "partner-simulators")).flatMap(s -> s).toList()) {
            PodmanService.load(ROOT.resolve(module).resolve("target/jib-image.tar"));
        }
        manifests = Manifests.render(ROOT, "local-cluster");
        tls = KafkaCertificates.make(Path.of("target/container-tests/tls"), 2, List.of(KAFKA, KAFKA_COPY));
        Map<String, Object> configMap = manifests.configMap("guichet-config");
        Map<String, String> config = new HashMap<>(Manifests.path(configMap, "data"));
        // What stands in this network for the cluster's neighbours: the sign-in service, the mail relay, the collector.
        config.put("issuer-uri", "http://issuer:9000");
        config.put("smtp-host", "mail");
        config.put("smtp-port", "2525");
        config.put("otlp-traces-endpoint", "http://127.0.0.1:4318/v1/traces");
        cluster = new Cluster(tls.caCertificate(), Manifests.path(configMap, "metadata", "name"), config);
        network = Network.newNetwork();

        // WAL archived from the start, as the Barman Cloud plugin does (here into a folder: the restore drill's object store).
        postgres = start(new GenericContainer<>(image("guichet/test-postgres:15")).withNetwork(network)
                .withNetworkAliases(Cluster.DATABASES.stream().map(db -> db + "-db-rw").toArray(String[]::new))
                .withCommand("/usr/local/bin/guichet-postgres", "-c", "archive_mode=on", "-c", "archive_command=mkdir -p " + ARCHIVE
                        + " && test ! -f " + ARCHIVE + "/%f && cp %p " + ARCHIVE + "/%f")
                .withEnv("POSTGRES_PASSWORD", "postgres").withExposedPorts(5432, RESTORED_PORT)
                .waitingFor(Wait.forLogMessage(".*ready to accept connections.*", 1).withStartupTimeout(Duration.ofMinutes(2))));
        bootstrapDatabases();

        kafka = start(broker(KAFKA));
        // The second site's cluster, MirrorMaker 2 beside it: a copy of what only Kafka holds (the Kafka-loss drill's).
        kafkaCopy = start(broker(KAFKA_COPY).withEnv(Map.of("KAFKA_MIRROR_FROM", KAFKA + ":9093", "KAFKA_MIRROR_CA", "/tmp/tls/ca.crt"))
                .withCopyToContainer(Transferable.of(tls.caCertificate(), 0644), "/tmp/tls/ca.crt"));

        // The mail relay: the local run's SMTP server (GreenMail), from the jars of the Kafka image, under the name smtp-host gives.
        mail = start(new GenericContainer<>(image("guichet/test-kafka:" + VERSION)).withNetwork(network).withNetworkAliases("mail")
                .withEnv("GUICHET_BIND_ADDRESS", "0.0.0.0").withExposedPorts(8025)
                .withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint("java", "-cp", "/app/resources:/app/classes:/app/libs/*",
                        "fr.paris.casvp.guichet.local.LocalMailServer", "2525", "8025"))
                .waitingFor(Wait.forLogMessage(".*Mail server ready.*", 1).withStartupTimeout(Duration.ofMinutes(1))));
        // The sign-in service: the local issuer's image, on the network under the name the manifests' issuer-uri gives.
        issuer = start(new GenericContainer<>(image("guichet/local-issuer:" + VERSION)).withNetwork(network).withNetworkAliases("issuer")
                .withEnv(Map.of("SERVER_ADDRESS", "0.0.0.0", "GUICHET_ISSUER_PORT", "9000", "GUICHET_ISSUER_OTHER_NAMES", "issuer",
                        "SPRING_SECURITY_OAUTH2_AUTHORIZATIONSERVER_ISSUER", "http://issuer:9000", "GUICHET_DEMO_PASSWORD", "container-tests"))
                .withExposedPorts(9000)
                .waitingFor(Wait.forLogMessage(".*Started LocalIssuerApplication.*", 1).withStartupTimeout(Duration.ofMinutes(2))));
        // The services side by side, as a rollout starts them (each after its own migrations): the two cores are shared.
        Map<String, GenericContainer<?>> started = new ConcurrentHashMap<>();
        ExecutorService rollout = Executors.newFixedThreadPool(SERVICES.size());
        try {
            for (Future<?> service : rollout.invokeAll(SERVICES.stream().<Callable<Void>>map(name -> () -> {
                started.put(name, startService(name));
                return null;
            }).toList())) {
                service.get();
            }
        } finally {
            rollout.shutdownNow();
        }
        beneficiaries = started.get("beneficiary-service");
        aid = started.get("aid-service");
        Map<String, Object> gatewayManifest = manifests.container("gateway", "containers", "gateway");
        gateway = start(shaped(new GenericContainer<>(image((String) gatewayManifest.get("image"))), gatewayManifest)
                .withEnv(Manifests.environment(gatewayManifest, cluster)).withNetworkAliases("gateway").withExposedPorts(8080, 9090)
                .waitingFor(Wait.forHttp("/actuator/health/readiness").forPort(9090).forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(3))));
        // The partners, from outside Guichet's pods: their own principals, over TLS with the cluster's CA.
        partners = start(new GenericContainer<>(image("guichet/partner-simulators:" + VERSION)).withNetwork(network)
                .withCopyToContainer(Transferable.of(tls.caCertificate(), 0644), "/tmp/tls/ca.crt")
                .withEnv(Map.of("GUICHET_KAFKA_BOOTSTRAP", KAFKA + ":9093", "GUICHET_KAFKA_CA_FILE", "/tmp/tls/ca.crt",
                        "GUICHET_BIND_ADDRESS", "0.0.0.0", "GUICHET_PARTNERS_PORT", "8086",
                        "GUICHET_TREASURY_PASSWORD", cluster.kafkaPasswords().get("treasury"),
                        "GUICHET_TRANSPORT_OPERATOR_PASSWORD", cluster.kafkaPasswords().get("transport-operator")))
                .withExposedPorts(8086)
                .waitingFor(Wait.forHttp("/health").forPort(8086).forStatusCode(200).withStartupTimeout(Duration.ofMinutes(2))));
    }

    /** A Kafka node as the cluster operator makes it, under its bootstrap name; its data lives and dies with the container. */
    private static GenericContainer<?> broker(String name) throws Exception {
        GenericContainer<?> broker = new GenericContainer<>(image("guichet/test-kafka:" + VERSION)).withNetwork(network)
                .withNetworkAliases(name)
                .withEnv(Map.of("KAFKA_SECRETS", "/tmp/kafka-secrets", "KAFKA_KEYSTORE", "/tmp/tls/broker.p12",
                        "KAFKA_KEYSTORE_PASSWORD", tls.keystorePassword(), "KAFKA_ADVERTISED_HOST", name))
                .withCopyToContainer(Transferable.of(Files.readAllBytes(tls.brokerKeystore()), 0644), "/tmp/tls/broker.p12")
                .waitingFor(Wait.forLogMessage(".*Guichet Kafka ready.*", 1).withStartupTimeout(Duration.ofMinutes(3)));
        cluster.kafkaPasswords().forEach((principal, password) ->
                broker.withCopyToContainer(Transferable.of(password, 0644), "/tmp/kafka-secrets/" + principal + ".password"));
        return broker;
    }

    @AfterAll
    static void stop() throws Exception {
        // Each container's log is kept, for the failure of a test and for the curious: target/container-tests/logs.
        Path logs = Files.createDirectories(Path.of("target/container-tests/logs"));
        try (var previous = Files.list(logs)) {
            for (Path log : previous.toList()) {
                Files.delete(log);
            }
        }
        for (int i = containers.size() - 1; i >= 0; i--) {
            GenericContainer<?> container = containers.get(i);
            if (container.getContainerId() != null) {
                String image = container.getDockerImageName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "_");
                Files.writeString(logs.resolve(i + "-" + image + ".log"), container.getLogs());
            }
            container.stop();
        }
        if (network != null) {
            network.close();
        }
        if (podman != null) {
            podman.close();
        }
    }

    @Test
    void theServiceIsReadyOnItsManagementPortAndServesNoActuatorOnItsApi() throws Exception {
        HttpResponse<String> readiness = get(beneficiaries, 9090, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(readiness.body(), "$.status")).isEqualTo("UP");
        assertThat(get(beneficiaries, 8080, "/actuator/health/readiness").statusCode()).as("not on the API's port").isIn(401, 404);
    }

    @Test
    void theServiceConnectsWithTheApplicationRoleOnlyAndLogsJson() throws Exception {
        try (Connection superuser = database("beneficiary"); Statement sql = superuser.createStatement();
             ResultSet users = sql.executeQuery("select distinct usename from pg_stat_activity where datname = 'beneficiary' "
                     + "and usename <> 'postgres'")) {
            List<String> roles = new ArrayList<>();
            while (users.next()) {
                roles.add(users.getString(1));
            }
            assertThat(roles).containsExactly("beneficiary_app");
        }
        // Every line the application writes (the JVM's own notice of JAVA_TOOL_OPTIONS aside).
        List<String> lines = beneficiaries.getLogs().lines().filter(line -> !line.isBlank() && !line.startsWith("Picked up JAVA_TOOL_OPTIONS"))
                .toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(JsonPath.<String>read(line, "$['@timestamp']")).isNotBlank());
    }

    /**
     * Over SASL_SSL, the only listener the broker offers the applications: an event written to the service's outbox (as
     * a change of it would) is published by the service and acknowledged by the broker.
     */
    @Test
    void theServicePublishesToKafkaOverTls() throws Exception {
        try (Connection superuser = database("beneficiary"); Statement sql = superuser.createStatement()) {
            sql.execute("insert into outbox_event (event_id, topic, message_key, event_type, source, occurred_at, payload) values "
                    + "('6f1c2b9e-0000-4000-8000-00000000c0de', 'beneficiaries.v1', 'container-test', 'fr.paris.casvp.guichet.test.v1', "
                    + "'/guichet/container-tests', now(), '{}')");
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                try (ResultSet sent = sql.executeQuery("select sent_at, last_error from outbox_event "
                        + "where event_id = '6f1c2b9e-0000-4000-8000-00000000c0de'")) {
                    assertThat(sent.next()).isTrue();
                    assertThat(sent.getTimestamp(1)).as("acknowledged by the broker; last error: " + sent.getString(2)).isNotNull();
                }
            });
        }
    }

    /**
     * Through the gateway as a deployment runs it: it sees each running service AVAILABLE (it asks their readiness on
     * their management port), registers a person there with a token of the sign-in service, and when aid-service's
     * container stops, an application to it gets 202 and its receipt, and is applied once when the container is back.
     */
    @Test
    void anApplicationToAStoppedServiceIsQueuedAndAppliedOnceWhenItsContainerIsBack() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(availability("aid")).isEqualTo("AVAILABLE"));
        assertThat(availability("beneficiaries")).isEqualTo("AVAILABLE");
        String token = token("agent13");
        HttpResponse<String> registered = send(gateway, "POST", "/api/beneficiaries", token, """
                {"situation": {"identity": {"lastName": "Conteneur", "firstNames": "Jeanne", "birthDate": "1950-06-01", "sex": "F"},
                 "address": {"line1": "3 rue Brillat-Savarin", "postcode": "75013", "city": "Paris"},
                 "parisResidence": [{"from": "2010-01-01"}], "incomeTax": [{"taxYear": 2025, "amount": 0}],
                 "monthlyResources": [{"kind": "PENSION", "amount": 803.20}], "section": "13"}, "confirmedHomonym": true}""");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String person = JsonPath.read(registered.body(), "$.id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                send(gateway, "GET", "/api/aid/beneficiaries/" + person + "/cap", token, null).statusCode() == 200);

        aid.getDockerClient().stopContainerCmd(aid.getContainerId()).exec();
        HttpResponse<String> queued = send(gateway, "POST", "/api/aid/applications", token, """
                {"beneficiaryId": "%s", "category": "FOOD", "requestedAmount": 50, "reason": "Courses en attendant le RSA",
                 "payee": {"kind": "BENEFICIARY", "iban": "FR7630006000011234567890189"}}""".formatted(person));
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
        String receipt = JsonPath.read(queued.body(), "$.receipt.number");

        aid.getDockerClient().startContainerCmd(aid.getContainerId()).exec();
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> "RECEIVED".equals(
                JsonPath.read(send(gateway, "GET", "/api/receipts/" + receipt, token, null).body(), "$.status")));
        try (Connection superuser = database("aid"); Statement sql = superuser.createStatement();
             ResultSet filed = sql.executeQuery("select count(*) from aid_application where receipt_number = '" + receipt + "'")) {
            assertThat(filed.next() && filed.getInt(1) == 1).as("applied once").isTrue();
        }
    }

    /**
     * The three benefits through the gateway, on the production settings, to the partners and the mail relay: a person
     * registered with an e-mail address files an exceptional aid, a Paris Solidarité and a Navigo pass; a social worker
     * examines, a director decides (four eyes), a supervisor runs the month's payments; the treasury pays the aid and
     * the month, the transport operator loads the pass (the simulators, over TLS), and notice-service writes to the
     * person at each step.
     */
    @Test
    void threeBenefitsAreFiledDecidedAndPaidThroughThePartners() throws Exception {
        for (String service : List.of("beneficiaries", "aid", "solidarity", "transport")) {
            Awaitility.await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(availability(service)).isEqualTo("AVAILABLE"));
        }
        String agent = token("agent13");
        String socialWorker = token("travailleur13");
        String director = token("directeur13");
        String email = "jeanne.parcours@example.org";
        HttpResponse<String> registered = send(gateway, "POST", "/api/beneficiaries", agent, """
                {"situation": {"identity": {"lastName": "Parcours", "firstNames": "Jeanne", "birthDate": "1950-06-01", "sex": "F"},
                 "address": {"line1": "12 rue de la Glacière", "postcode": "75013", "city": "Paris"},
                 "parisResidence": [{"from": "2010-01-01"}], "incomeTax": [{"taxYear": 2025, "amount": 0}],
                 "monthlyResources": [{"kind": "PENSION", "amount": 803.20}], "contact": {"email": "%s"}, "section": "13"},
                 "confirmedHomonym": true}""".formatted(email));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String person = JsonPath.read(registered.body(), "$.id");
        for (String benefit : List.of("aid", "solidarity", "transport")) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                    send(gateway, "GET", "/api/" + benefit + "/beneficiaries/" + person, agent, null).statusCode() == 200);
        }

        String aidId = filed("/api/aid/applications", agent, """
                {"beneficiaryId": "%s", "category": "RENT_ARREARS", "requestedAmount": 400, "reason": "Un mois de loyer impayé",
                 "payee": {"kind": "CREDITOR", "accountHolder": "Paris Habitat", "iban": "FR7630006000011234567890189"}}""".formatted(person));
        accepted(send(gateway, "POST", "/api/aid/applications/" + aidId + "/examination", socialWorker,
                "{\"assessment\": \"Loyer impayé après une perte d'emploi.\", \"proposedAmount\": 400}"));
        accepted(send(gateway, "POST", "/api/aid/applications/" + aidId + "/decision", director, "{\"outcome\": \"GRANTED\", \"amount\": 400}"));

        String solidarityId = filed("/api/solidarity/applications", agent,
                "{\"beneficiaryId\": \"" + person + "\", \"payee\": {\"iban\": \"FR7630006000011234567890189\"}}");
        accepted(send(gateway, "POST", "/api/solidarity/applications/" + solidarityId + "/examination", socialWorker,
                "{\"assessment\": \"Ressources vérifiées.\"}"));
        HttpResponse<String> granted = send(gateway, "POST", "/api/solidarity/applications/" + solidarityId + "/decision", director,
                "{\"outcome\": \"GRANTED\"}");
        accepted(granted);
        String month = JsonPath.<String>read(granted.body(), "$.grant.firstMonth").substring(0, 7);

        String passId = filed("/api/transport/passes", agent,
                "{\"beneficiaryId\": \"" + person + "\", \"navigoCardNumber\": \"4455667788\", \"zones\": \"1-5\"}");
        accepted(send(gateway, "POST", "/api/transport/passes/" + passId + "/decision", director, "{\"outcome\": \"GRANTED\"}"));

        String supervisor = token("superviseur");
        HttpResponse<String> run = send(gateway, "POST", "/api/solidarity/payment-runs", supervisor,
                "{\"month\": \"" + month + "\", \"confirmStaleFigures\": true}");
        assertThat(run.statusCode()).as(run.body()).isIn(200, 202);

        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(status("/api/aid/applications/" + aidId, agent)).isEqualTo("PAID");
            assertThat(status("/api/transport/passes/" + passId, agent)).isEqualTo("ACTIVE");
            String report = send(gateway, "GET", "/api/solidarity/payment-runs/" + month, supervisor, null).body();
            assertThat(JsonPath.<Integer>read(report, "$.paid")).as(report).isEqualTo(1);
        });
        Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(messagesTo(email)).extracting(m -> m.get("subject")).hasSize(8)
                        .contains("Aide exceptionnelle — paiement effectué (dossier n° " + number("/api/aid/applications/" + aidId, agent) + ")")
                        .anySatisfy(subject -> assertThat(subject).startsWith("Paris Solidarité").contains("accordée"))
                        .anySatisfy(subject -> assertThat(subject).contains("Navigo").contains("chargé")));
    }

    /**
     * Issue #35: the aid database restored to a point in time, and the service brought back consistent with Kafka. A base
     * backup is taken (the nightly one), then, WAL archived all along: an aid A granted while the treasury does not
     * answer; the point to restore to, right after an event is written and before it is sent; then the treasury pays A
     * and an aid B is granted and paid. The database is recovered, from the backup and the archived WAL, to that point
     * (PostgreSQL's point-in-time recovery, what CloudNativePG does from its object store), the reconciliation runs
     * (RestoreReconciliation, from the service's image), and the service starts on the restored database. Then: the event
     * unsent at that point was not sent again; what was published since and is gone from the database is reported (B's
     * file, A's payment); the treasury's answer for A was taken again (A paid), its step not sent twice; B's number is
     * never given again; B's receipt says its file is being taken up; the audit trail says where it was cut.
     */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void theAidDatabaseRestoredToAPointInTimeComesBackConsistentWithKafka() throws Exception {
        for (String service : List.of("beneficiaries", "aid")) {
            Awaitility.await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(availability(service)).isEqualTo("AVAILABLE"));
        }
        String agent = token("agent13");
        String person = registered(agent, "Restauration");
        psql("rm -rf /var/lib/postgresql/base && PGPASSWORD=postgres /usr/lib/postgresql/15/bin/pg_basebackup -h 127.0.0.1 -U postgres "
                + "-D /var/lib/postgresql/base -c fast");

        partners.getDockerClient().stopContainerCmd(partners.getContainerId()).exec();
        String a = grantedAid(person, "A");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> count("aid", "select count(*) from outbox_event where sent_at is null") == 0);
        String probe;
        String xid;
        String restoredTo;
        try (Connection owner = database("aid"); Statement sql = owner.createStatement()) {
            owner.setAutoCommit(false);
            // An event of A's written again under a new id, the last change before the point restored to: unsent there.
            probe = java.util.UUID.randomUUID().toString();
            sql.execute("insert into outbox_event (event_id, topic, message_key, event_type, source, subject, occurred_at, payload) "
                    + "select '" + probe + "', topic, message_key, event_type, source, subject, now(), payload from outbox_event "
                    + "where subject = 'aid/applications/" + a + "' and topic = 'aid.events.v1' order by id desc limit 1");
            try (ResultSet point = sql.executeQuery("select txid_current()::text, to_char(clock_timestamp() at time zone 'UTC', "
                    + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")) {
                point.next();
                xid = point.getString(1);
                restoredTo = point.getString(2);
            }
            owner.commit();
        }
        partners.getDockerClient().startContainerCmd(partners.getContainerId()).exec();
        Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> "PAID".equals(status("/api/aid/applications/" + a, agent)));
        String b = grantedAid(person, "B");
        Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> "PAID".equals(status("/api/aid/applications/" + b, agent)));
        String bNumber = number("/api/aid/applications/" + b, agent);
        String bReceipt = JsonPath.read(send(gateway, "GET", "/api/aid/applications/" + b, agent, null).body(), "$.receipt.number");
        long lostAuditHead = count("aid", "select max(id) from audit_entry");
        // Every WAL segment up to now archived, as continuous archiving has it (a segment is archived once full or switched).
        String segment = psqlOutput("select pg_walfile_name(pg_switch_wal())");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                psqlOutput("select coalesce(last_archived_wal, '') from pg_stat_archiver").compareTo(segment) >= 0);

        aid.getDockerClient().stopContainerCmd(aid.getContainerId()).exec();
        psql("rm -rf /var/lib/postgresql/restored && cp -a /var/lib/postgresql/base /var/lib/postgresql/restored && cd /var/lib/postgresql/restored"
                + " && rm -f postmaster.pid && touch recovery.signal && printf '%s\\n' \"port = " + RESTORED_PORT + "\" \"archive_mode = off\""
                + " \"restore_command = 'cp " + ARCHIVE + "/%f %p'\" \"recovery_target_xid = '" + xid + "'\""
                + " \"recovery_target_action = 'promote'\" >> postgresql.auto.conf"
                + " && /usr/lib/postgresql/15/bin/pg_ctl -D /var/lib/postgresql/restored -l /var/lib/postgresql/restored.log -w -t 120 start");
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> restoredCount("select count(*) where not pg_is_in_recovery()") == 1);
        assertThat(restoredCount("select count(*) from aid_application where id = '" + b + "'")).as("B is after the point").isZero();

        Map<String, Object> init = manifests.container("aid-service", "initContainers", "migrations");
        Map<String, String> reconcile = new HashMap<>(onRestored(Manifests.environment(init, cluster)));
        Manifests.environment(manifests.container("aid-service", "containers", "aid-service"), cluster).forEach((name, value) -> {
            if (name.startsWith("SPRING_KAFKA_")) {
                reconcile.put(name, value);
            }
        });
        reconcile.put("GUICHET_RESTORE_RESTORED_TO", restoredTo);
        List<String> command = new ArrayList<>(Manifests.<List<String>>path(init, "command"));
        command.set(command.size() - 1, "fr.paris.casvp.guichet.messaging.restore.RestoreReconciliation");
        GenericContainer<?> reconciliation = start(shaped(new GenericContainer<>(image((String) init.get("image"))), init).withEnv(reconcile)
                .withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint(command.toArray(String[]::new)))
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofMinutes(3))));
        String report = reconciliation.getLogs().lines().filter(line -> line.startsWith("{\"restoredTo\"")).reduce((x, y) -> y).orElseThrow();

        assertThat(JsonPath.<List<String>>read(report, "$.alreadyPublished")).as("sent before, not sent again").contains(probe);
        assertThat(JsonPath.<List<String>>read(report, "$.lost")).as("what the partners saw of the lost interval")
                .anySatisfy(line -> assertThat(line).contains("payment.order.v2"))
                .anySatisfy(line -> assertThat(line).contains("aid.application.paid.v1"));
        assertThat(JsonPath.<List<String>>read(report, "$.receiptsUnderRecovery")).containsExactly(bReceipt);
        assertThat(JsonPath.<List<String>>read(report, "$.rewound[*].group")).as("the treasury's answers taken again")
                .contains("aid-service.payment-confirmations-v2");
        // The audit trail: its latest anchor either still holds (it predates the restored time: the trail verifies up to
        // its restored head) or names the entries cut, and the trail is anchored again; either way the report says which.
        String audit = JsonPath.read(report, "$.audit.lost");
        if (JsonPath.<Boolean>read(report, "$.audit.holds")) {
            assertThat(audit).contains("the restored trail ends at entry " + JsonPath.<Integer>read(report, "$.audit.restoredHead"));
        } else {
            assertThat(audit).contains("cut after entry " + JsonPath.<Integer>read(report, "$.audit.restoredHead"), "anchored again");
        }

        Map<String, Object> manifest = manifests.container("aid-service", "containers", "aid-service");
        aid.stop();
        aidRestored = true;
        aid = start(shaped(new GenericContainer<>(image((String) manifest.get("image"))), manifest)
                .withEnv(onRestored(Manifests.environment(manifest, cluster))).withNetworkAliases("aid-service").withExposedPorts(8080, 9090)
                .waitingFor(Wait.forHttp("/actuator/health/readiness").forPort(9090).forStatusCode(200).withStartupTimeout(Duration.ofMinutes(3))));
        Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> "AVAILABLE".equals(availability("aid")));

        Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> "PAID".equals(status("/api/aid/applications/" + a, agent)));
        assertThat(restoredCount("select count(*) from outbox_event where subject = 'aid/applications/" + a + "' and event_type like '%.paid.v1' "
                + "and last_error = 'published before the database was restored'")).as("A's payment, the same event: not sent twice").isEqualTo(1);
        assertThat(restoredCount("select count(*) from outbox_event where event_id = '" + probe + "' and sent_at is not null")).isEqualTo(1);
        String c = grantedAid(person, "C");
        assertThat(number("/api/aid/applications/" + c, agent)).as("B's number is never given again").isGreaterThan(bNumber);
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> "UNDER_RECOVERY".equals(
                JsonPath.read(send(gateway, "GET", "/api/receipts/" + bReceipt, agent, null).body(), "$.status")));
        assertThat(lostAuditHead).isGreaterThan(JsonPath.<Integer>read(report, "$.audit.restoredHead").longValue());
        String verification = send(gateway, "GET", "/api/aid/audit/verification", token("superviseur"), null).body();
        assertThat(JsonPath.<Boolean>read(verification, "$.valid")).as("anchored again at the restored head: " + verification).isTrue();
    }

    /**
     * Issue #35: Kafka loses its data, all of it (its nodes and their disks at once). What only Kafka held is in the
     * second site's cluster, where MirrorMaker 2 has copied it since the start: an aid queued while aid-service was
     * down, its QUEUED receipt, and the series of a paper form printed before the loss. The cluster is replaced by an
     * empty one (Strimzi makes its topics and users again), {@code KafkaRestore} copies the copy back (a one-shot from
     * the gateway's image), and every application starts again on the new cluster ({@code docs/restauration.md}). Then
     * the queued aid is applied, once; its receipt is followed; and the paper form is typed in under its printed number:
     * its series is known again, so its prefix is never drawn for another counter.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void whatOnlyKafkaHeldComesBackFromTheSecondSiteAfterKafkaLostItsData() throws Exception {
        for (String service : List.of("beneficiaries", "aid")) {
            Awaitility.await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(availability(service)).isEqualTo("AVAILABLE"));
        }
        String agent = token("agent13");
        String person = registered(agent, "Sinistre");
        HttpResponse<byte[]> forms = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + HOST + ":"
                        + gateway.getMappedPort(8080) + "/api/counter/paper-forms")).header("Authorization", "Bearer " + agent)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"benefit\": \"aid\", \"count\": 1}"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(forms.statusCode()).isEqualTo(201);
        String prefix = forms.headers().firstValue("Guichet-Receipt-Series").orElseThrow();
        String paperNumber;
        try (PDDocument form = Loader.loadPDF(forms.body())) {
            Matcher printedNumber = Pattern.compile(Pattern.quote(prefix.substring(0, 4) + "-" + prefix.substring(4))
                    + "[0-9A-Z]-[0-9A-Z]{4}").matcher(new PDFTextStripper().getText(form));
            assertThat(printedNumber.find()).as("the form's number").isTrue();
            paperNumber = printedNumber.group();
        }
        Instant printed = Instant.now();

        aid.getDockerClient().stopContainerCmd(aid.getContainerId()).exec();
        HttpResponse<String> queued = send(gateway, "POST", "/api/aid/applications", agent, """
                {"beneficiaryId": "%s", "category": "FOOD", "requestedAmount": 45, "reason": "Déposée pendant la panne",
                 "payee": {"kind": "BENEFICIARY", "iban": "FR7630006000011234567890189"}}""".formatted(person));
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
        String receipt = JsonPath.read(queued.body(), "$.receipt.number");

        // The copy is current: it holds as many records of each topic as the cluster does.
        Map<String, Integer> onCluster = held(kafkaRestore(KAFKA, "--dry-run"));
        assertThat(onCluster.get("intake.aid.v1")).isPositive();
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(held(kafkaRestore(KAFKA_COPY, "--dry-run"))).isEqualTo(onCluster));

        // The loss: the node and its disk gone, an empty one in its place, its topics and users made again.
        kafka.stop();
        kafka = start(broker(KAFKA));
        String report = kafkaRestore(KAFKA_COPY);
        assertThat(JsonPath.<List<Integer>>read(report, "$.topics[?(@.topic == 'intake.aid.v1')].written"))
                .containsExactly(onCluster.get("intake.aid.v1"));
        assertThat(JsonPath.<List<Integer>>read(report, "$.topics[?(@.topic == 'receipt-series.v1')].written"))
                .containsExactly(onCluster.get("receipt-series.v1"));
        assertThat(held(kafkaRestore(KAFKA, "--dry-run"))).as("the cluster holds again what it held").isEqualTo(onCluster);

        // The applications the drill uses start again on the new cluster (a rollout restart), the gateway last; aid-service
        // has been stopped since the aid was queued.
        beneficiaries.getDockerClient().stopContainerCmd(beneficiaries.getContainerId()).exec();
        for (GenericContainer<?> service : List.of(beneficiaries, aid)) {
            service.getDockerClient().startContainerCmd(service.getContainerId()).exec();
        }
        Map<String, Object> gatewayManifest = manifests.container("gateway", "containers", "gateway");
        gateway.stop();
        gateway = start(shaped(new GenericContainer<>(image((String) gatewayManifest.get("image"))), gatewayManifest)
                .withEnv(Manifests.environment(gatewayManifest, cluster)).withNetworkAliases("gateway").withExposedPorts(8080, 9090)
                .waitingFor(Wait.forHttp("/actuator/health/readiness").forPort(9090).forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(3))));
        for (String service : List.of("beneficiaries", "aid")) {
            Awaitility.await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> assertThat(availability(service)).isEqualTo("AVAILABLE"));
        }

        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).until(() -> "RECEIVED".equals(
                JsonPath.read(send(gateway, "GET", "/api/receipts/" + receipt, agent, null).body(), "$.status")));
        String filedOnce = "select count(*) from aid_application where receipt_number = '" + receipt + "'";
        assertThat(aidRestored ? restoredCount(filedOnce) : count("aid", filedOnce)).as("the queued aid, applied once").isEqualTo(1);

        HttpResponse<String> typedIn = send(gateway, "POST", "/api/counter/captured", agent, """
                {"receipt": "%s", "receivedAt": "%s", "path": "/api/aid/applications",
                 "body": {"beneficiaryId": "%s", "category": "FOOD", "requestedAmount": 30, "reason": "Formulaire papier",
                          "payee": {"kind": "BENEFICIARY", "iban": "FR7630006000011234567890189"}}}""".formatted(paperNumber, printed, person));
        assertThat(typedIn.statusCode()).as("a number of a series reserved before the loss: " + typedIn.body()).isBetween(200, 202);
    }

    /** KafkaRestore, from the gateway's image with the gateway's settings, reading {@code from} as the mirror's principal: its report. */
    private static String kafkaRestore(String from, String... arguments) throws Exception {
        Map<String, Object> manifest = manifests.container("gateway", "containers", "gateway");
        Map<String, String> environment = new HashMap<>(Manifests.environment(manifest, cluster));
        environment.putAll(Map.of("GUICHET_MIRROR_BOOTSTRAP_SERVERS", from + ":9093", "GUICHET_MIRROR_SECURITY_PROTOCOL", "SASL_SSL",
                "GUICHET_MIRROR_SASL_MECHANISM", "SCRAM-SHA-512",
                "GUICHET_MIRROR_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"mirror-maker\" "
                        + "password=\"" + cluster.kafkaPasswords().get("mirror-maker") + "\";",
                "GUICHET_MIRROR_SSL_TRUSTSTORE_TYPE", "PEM", "GUICHET_MIRROR_SSL_TRUSTSTORE_CERTIFICATES", tls.caCertificate()));
        List<String> command = new ArrayList<>(List.of("java", "-cp", "@/app/jib-classpath-file",
                "fr.paris.casvp.guichet.gateway.restore.KafkaRestore"));
        command.addAll(List.of(arguments));
        GenericContainer<?> restore = new GenericContainer<>(image((String) manifest.get("image")));
        try {
            shaped(restore, manifest).withEnv(environment)
                    .withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint(command.toArray(String[]::new)))
                    .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofMinutes(3))).start();
            return restore.getLogs().lines().filter(line -> line.startsWith("{\"ranAt\"")).reduce((x, y) -> y).orElseThrow();
        } finally {
            restore.stop();
        }
    }

    /** What a KafkaRestore report says each topic holds. */
    private static Map<String, Integer> held(String report) {
        Map<String, Integer> held = new TreeMap<>();
        JsonPath.<List<Map<String, Object>>>read(report, "$.topics").forEach(t -> held.put((String) t.get("topic"), (Integer) t.get("inCopy")));
        return held;
    }

    /** The settings of a container, its database now the restored instance. */
    private static Map<String, String> onRestored(Map<String, String> environment) {
        Map<String, String> restored = new HashMap<>(environment);
        restored.computeIfPresent("SPRING_DATASOURCE_URL", (name, url) -> url.replace("aid-db-rw:5432", "aid-db-rw:" + RESTORED_PORT));
        return restored;
    }

    /** A query's one value, by the superuser, on the first instance. */
    private static String psqlOutput(String query) throws Exception {
        var result = postgres.execInContainer("sh", "-c", "PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -tAc \"" + query + "\" postgres");
        assertThat(result.getExitCode()).as(query + "\n" + result.getStderr()).isZero();
        return result.getStdout().strip();
    }

    private static void psql(String shell) throws Exception {
        var result = postgres.execInContainer("sh", "-c", shell);
        assertThat(result.getExitCode()).as(shell + "\n" + result.getStdout() + result.getStderr()).isZero();
    }

    private static String registered(String token, String lastName) throws Exception {
        HttpResponse<String> registered = send(gateway, "POST", "/api/beneficiaries", token, """
                {"situation": {"identity": {"lastName": "%s", "firstNames": "Jeanne", "birthDate": "1950-06-01", "sex": "F"},
                 "address": {"line1": "3 rue Brillat-Savarin", "postcode": "75013", "city": "Paris"},
                 "parisResidence": [{"from": "2010-01-01"}], "incomeTax": [{"taxYear": 2025, "amount": 0}],
                 "monthlyResources": [{"kind": "PENSION", "amount": 803.20}], "section": "13"}, "confirmedHomonym": true}""".formatted(lastName));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String person = JsonPath.read(registered.body(), "$.id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                send(gateway, "GET", "/api/aid/beneficiaries/" + person, token, null).statusCode() == 200);
        return person;
    }

    /** An aid filed, examined and granted: its id. The drills file several for one person, on purpose: no repeat by mistake. */
    private static String grantedAid(String person, String label) throws Exception {
        String id = filed("/api/aid/applications", token("agent13"), """
                {"beneficiaryId": "%s", "repeatConfirmed": true, "category": "FOOD", "requestedAmount": 60, "reason": "Exercice de restauration %s",
                 "payee": {"kind": "BENEFICIARY", "iban": "FR7630006000011234567890189"}}""".formatted(person, label));
        accepted(send(gateway, "POST", "/api/aid/applications/" + id + "/examination", token("travailleur13"),
                "{\"assessment\": \"Courses.\", \"proposedAmount\": 60}"));
        accepted(send(gateway, "POST", "/api/aid/applications/" + id + "/decision", token("directeur13"),
                "{\"outcome\": \"GRANTED\", \"amount\": 60}"));
        return id;
    }

    private static long count(String db, String query) throws Exception {
        try (Connection owner = database(db); Statement sql = owner.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long restoredCount(String query) throws Exception {
        try (Connection restored = restoredDatabase(); Statement sql = restored.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection restoredDatabase() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + postgres.getMappedPort(RESTORED_PORT) + "/aid",
                "postgres", "postgres");
    }

    private static String filed(String path, String token, String body) throws Exception {
        HttpResponse<String> filed = send(gateway, "POST", path, token, body);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        return JsonPath.read(filed.body(), "$.id");
    }

    private static void accepted(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private static String status(String path, String token) throws Exception {
        return JsonPath.read(send(gateway, "GET", path, token, null).body(), "$.status");
    }

    private static String number(String path, String token) throws Exception {
        return JsonPath.read(send(gateway, "GET", path, token, null).body(), "$.number");
    }

    /** The messages the mail relay received for this address, oldest first. */
    private static List<Map<String, String>> messagesTo(String address) throws Exception {
        HttpResponse<String> received = get(mail, 8025, "/messages");
        assertThat(received.statusCode()).isEqualTo(200);
        return JsonPath.read(received.body(), "$[?(@.to == '" + address + "')]");
    }

    private static String availability(String service) throws Exception {
        List<String> found = JsonPath.read(send(gateway, "GET", "/api/status", null, null).body(),
                "$.services[?(@.name == '" + service + "')].availability");
        return found.isEmpty() ? null : found.get(0);
    }

    /** A demo agent's token from the sign-in service, asked under the name the services know it by. */
    private static String token(String user) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + HOST + ":"
                        + issuer.getMappedPort(9000) + "/demo/tokens/" + user)).header("Host", "issuer:9000")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JsonPath.read(answer.body(), "$.access_token");
    }

    private static HttpResponse<String> send(GenericContainer<?> container, String method, String path, String token, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + container.getMappedPort(8080) + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json").header("Idempotency-Key", java.util.UUID.randomUUID().toString());
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every secret and config map key the manifests read is one the test provides, and the other way round. */
    @Test
    void theTestProvidesWhatTheManifestsReadAndNothingElse() {
        Manifests.environment(manifests.container("gateway", "containers", "gateway"), cluster);
        for (String service : SERVICES) {
            Manifests.environment(manifests.container(service, "containers", service), cluster);
            Manifests.environment(manifests.container(service, "initContainers", "migrations"), cluster);
        }
        assertThat(cluster.unread()).isEmpty();
    }

    /** A service as its Deployment runs it: the migrations' init container first, then the service. */
    private static GenericContainer<?> startService(String name) throws Exception {
        String image = (String) manifests.container(name, "containers", name).get("image");
        Map<String, Object> init = manifests.container(name, "initContainers", "migrations");
        List<String> command = Manifests.path(init, "command");
        start(shaped(new GenericContainer<>(image(image)), init).withEnv(Manifests.environment(init, cluster))
                .withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint(command.toArray(String[]::new)))
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofMinutes(3))));
        Map<String, Object> container = manifests.container(name, "containers", name);
        return start(shaped(new GenericContainer<>(image(image)), container).withEnv(Manifests.environment(container, cluster))
                .withNetworkAliases(name).withExposedPorts(8080, 9090)
                .waitingFor(Wait.forHttp("/actuator/health/readiness").forPort(9090).forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(3))));
    }

    /** What the manifest says of the container itself: a read-only root file system with /tmp, its memory limit. */
    private static GenericContainer<?> shaped(GenericContainer<?> container, Map<String, Object> manifest) {
        container.withNetwork(network);
        if (Boolean.TRUE.equals(Manifests.path(manifest, "securityContext", "readOnlyRootFilesystem"))) {
            container.withTmpFs(Map.of("/tmp", "rw,size=256m"));
        }
        String memory = Manifests.path(manifest, "resources", "limits", "memory");
        boolean readOnly = Boolean.TRUE.equals(Manifests.path(manifest, "securityContext", "readOnlyRootFilesystem"));
        return container.withCreateContainerCmdModifier(cmd -> {
            cmd.getHostConfig().withReadonlyRootfs(readOnly);
            if (memory != null) {
                cmd.getHostConfig().withMemory(bytes(memory));
            }
        });
    }

    private static long bytes(String quantity) {
        return quantity.endsWith("Mi") ? Long.parseLong(quantity.replace("Mi", "")) << 20
                : quantity.endsWith("Gi") ? Long.parseLong(quantity.replace("Gi", "")) << 30 : Long.parseLong(quantity);
    }

    /** Each CloudNativePG cluster as the operator makes it: initdb, then postInitApplicationSQL, then the managed roles. */
    private static void bootstrapDatabases() throws Exception {
        for (String db : Cluster.DATABASES) {
            Map<String, Object> initdb = Manifests.path(manifests.one("Cluster", db + "-db"), "spec", "bootstrap", "initdb");
            String owner = (String) initdb.get("owner");
            try (Connection superuser = database("postgres"); Statement sql = superuser.createStatement()) {
                sql.execute("create role " + owner + " login password '" + cluster.peek(db + "-db-owner", "password") + "'");
                sql.execute("create database " + initdb.get("database") + " owner " + owner);
            }
            try (Connection superuser = database((String) initdb.get("database")); Statement sql = superuser.createStatement()) {
                for (String statement : Manifests.<List<String>>path(initdb, "postInitApplicationSQL")) {
                    sql.execute(statement);
                }
            }
            try (Connection superuser = database("postgres"); Statement sql = superuser.createStatement()) {
                for (Map<String, Object> role : Manifests.<List<Map<String, Object>>>path(manifests.one("Cluster", db + "-db"),
                        "spec", "managed", "roles")) {
                    String secret = Manifests.path(role, "passwordSecret", "name");
                    sql.execute("alter role " + role.get("name") + " login password '" + cluster.peek(secret, "password") + "'");
                }
            }
        }
    }

    private static Connection database(String name) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + postgres.getMappedPort(5432) + "/" + name,
                "postgres", "postgres");
    }

    private static HttpResponse<String> get(GenericContainer<?> container, int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + HOST + ":"
                + container.getMappedPort(port) + path)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static <C extends GenericContainer<?>> C start(C container) {
        containers.add(container);
        container.start();
        return container;
    }

    private static DockerImageName image(String name) {
        return DockerImageName.parse(name.startsWith("localhost/") ? name : "localhost/" + name);
    }
}
