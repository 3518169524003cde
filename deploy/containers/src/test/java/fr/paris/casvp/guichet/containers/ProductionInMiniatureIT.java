package fr.paris.casvp.guichet.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.jayway.jsonpath.JsonPath;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
class ProductionInMiniatureIT {

    private static final Path ROOT = Path.of(System.getProperty("guichet.root", "../.."));
    private static final String VERSION = System.getProperty("guichet.version");
    private static final String KAFKA = "guichet-kafka-bootstrap";
    /**
     * Where the containers' mapped ports answer: podman publishes them on this machine's loopback (Testcontainers'
     * own guess, podman's default network gateway, is not reached from a network of the test's own).
     */
    private static final String HOST = "127.0.0.1";

    private static PodmanService podman;
    private static Network network;
    private static Manifests manifests;
    private static Cluster cluster;
    private static final List<String> SERVICES = List.of("beneficiary-service", "aid-service", "solidarity-service",
            "transport-service", "notice-service");
    private static final List<GenericContainer<?>> containers = new CopyOnWriteArrayList<>();
    private static KafkaCertificates tls;
    private static GenericContainer<?> mail;
    private static GenericContainer<?> issuer;
    private static GenericContainer<?> postgres;
    private static GenericContainer<?> kafka;
    private static GenericContainer<?> beneficiaries;
    private static GenericContainer<?> aid;
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
        for (String module : List.of("deploy/local", "deploy/local-issuer", "beneficiary-service", "aid-service", "solidarity-service",
                "transport-service", "notice-service", "gateway", "partner-simulators")) {
            PodmanService.load(ROOT.resolve(module).resolve("target/jib-image.tar"));
        }
        manifests = Manifests.render(ROOT, "local-cluster");
        tls = KafkaCertificates.make(Path.of("target/container-tests/tls"), 2, List.of(KAFKA));
        Map<String, Object> configMap = manifests.configMap("guichet-config");
        Map<String, String> config = new HashMap<>(Manifests.path(configMap, "data"));
        // What stands in this network for the cluster's neighbours: the sign-in service, the mail relay, the collector.
        config.put("issuer-uri", "http://issuer:9000");
        config.put("smtp-host", "mail");
        config.put("smtp-port", "2525");
        config.put("otlp-traces-endpoint", "http://127.0.0.1:4318/v1/traces");
        cluster = new Cluster(tls.caCertificate(), Manifests.path(configMap, "metadata", "name"), config);
        network = Network.newNetwork();

        postgres = start(new GenericContainer<>(image("guichet/test-postgres:15")).withNetwork(network)
                .withNetworkAliases(Cluster.DATABASES.stream().map(db -> db + "-db-rw").toArray(String[]::new))
                .withEnv("POSTGRES_PASSWORD", "postgres").withExposedPorts(5432)
                .waitingFor(Wait.forLogMessage(".*ready to accept connections.*", 1).withStartupTimeout(Duration.ofMinutes(2))));
        bootstrapDatabases();

        GenericContainer<?> broker = new GenericContainer<>(image("guichet/test-kafka:" + VERSION)).withNetwork(network)
                .withNetworkAliases(KAFKA)
                .withEnv(Map.of("KAFKA_SECRETS", "/tmp/kafka-secrets", "KAFKA_KEYSTORE", "/tmp/tls/broker.p12",
                        "KAFKA_KEYSTORE_PASSWORD", tls.keystorePassword(), "KAFKA_ADVERTISED_HOST", KAFKA))
                .withCopyToContainer(Transferable.of(Files.readAllBytes(tls.brokerKeystore()), 0644), "/tmp/tls/broker.p12")
                .waitingFor(Wait.forLogMessage(".*Guichet Kafka ready.*", 1).withStartupTimeout(Duration.ofMinutes(3)));
        cluster.kafkaPasswords().forEach((principal, password) ->
                broker.withCopyToContainer(Transferable.of(password, 0644), "/tmp/kafka-secrets/" + principal + ".password"));
        kafka = start(broker);

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
        start(new GenericContainer<>(image("guichet/partner-simulators:" + VERSION)).withNetwork(network)
                .withCopyToContainer(Transferable.of(tls.caCertificate(), 0644), "/tmp/tls/ca.crt")
                .withEnv(Map.of("GUICHET_KAFKA_BOOTSTRAP", KAFKA + ":9093", "GUICHET_KAFKA_CA_FILE", "/tmp/tls/ca.crt",
                        "GUICHET_BIND_ADDRESS", "0.0.0.0", "GUICHET_PARTNERS_PORT", "8086",
                        "GUICHET_TREASURY_PASSWORD", cluster.kafkaPasswords().get("treasury"),
                        "GUICHET_TRANSPORT_OPERATOR_PASSWORD", cluster.kafkaPasswords().get("transport-operator")))
                .withExposedPorts(8086)
                .waitingFor(Wait.forHttp("/health").forPort(8086).forStatusCode(200).withStartupTimeout(Duration.ofMinutes(2))));
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
