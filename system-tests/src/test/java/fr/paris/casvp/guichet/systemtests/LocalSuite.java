package fr.paris.casvp.guichet.systemtests;

import fr.paris.casvp.guichet.contracts.benefit.Benefit;
import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * The whole suite started by {@code ./guichet up}, as an operator would, on free ports and in a state folder of its
 * own: PostgreSQL, Kafka, every service and the gateway are separate processes.
 */
final class LocalSuite {

    private final Path root = Path.of(System.getProperty("guichet.root", "..")).toAbsolutePath().normalize();
    private final Path home;
    private final Map<String, String> environment = new LinkedHashMap<>();

    /** A suite in the state folder {@code guichet.system-test.home} (target/guichet-home). */
    LocalSuite() {
        this(Path.of(System.getProperty("guichet.system-test.home", "target/guichet-home")));
    }

    LocalSuite(Path home) {
        this.home = home.toAbsolutePath();
        for (String port : List.of("GATEWAY", "BENEFICIARY", "NOTICE", "PARTNERS", "SMTP", "MAIL",
                "POSTGRES", "KAFKA", "KAFKA_TLS", "KAFKA_CONTROLLER", "ISSUER", "TRACES")) {
            environment.put("GUICHET_" + port + "_PORT", String.valueOf(freePort()));
        }
        // Every declared benefit's service on a free port too (GUICHET_<CODE>_PORT), not its default one.
        for (Benefit benefit : Benefits.all()) {
            environment.put(benefit.portVariable(), String.valueOf(freePort()));
        }
        environment.put("GUICHET_HOME", home.toString());
        environment.put("GUICHET_START_TIMEOUT", "400");
        // The Maven build running this test has just packaged every jar.
        environment.put("GUICHET_NO_BUILD", "1");
        // A payment run left by a dead instance is taken up by a survivor within 5 s (30 s by default).
        environment.put("GUICHET_MONTHLY_RUN_WATCH_INTERVAL", "PT5S");
    }

    /** Sets a variable of ./guichet's environment, e.g. a port. */
    LocalSuite with(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    String gateway(String path) {
        return "http://localhost:" + environment.get("GUICHET_GATEWAY_PORT") + path;
    }

    /** The trace store's address ({@code ./guichet up --traces}), e.g. {@code traces("/api/v2/services")}. */
    String traces(String path) {
        return "http://localhost:" + environment.get("GUICHET_TRACES_PORT") + path;
    }

    /** A component's log file, as ./guichet writes it ({@code logs/<component>.log} in the state folder). */
    Path log(String component) {
        return home.resolve("logs").resolve(component + ".log");
    }

    /** Every log file of the suite. */
    Path logs() {
        return home.resolve("logs");
    }

    /** A service's own address, bypassing the gateway, e.g. {@code service("AID", "/api/aid/replica")}. */
    String service(String name, String path) {
        return "http://localhost:" + environment.get("GUICHET_" + name + "_PORT") + path;
    }

    /** JDBC URL of a service's database on the suite's PostgreSQL (loopback only; every role gives its password). */
    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + environment.get("GUICHET_POSTGRES_PORT") + "/" + database;
    }

    /** A connection to a database as the superuser postgres, with the password ./guichet drew for it. */
    Connection database(String database) throws SQLException {
        return database(database, "postgres");
    }

    /** A connection to a database as one of the suite's roles ({@code aid_app}, {@code aid_owner}...), with its password. */
    Connection database(String database, String role) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), role, databasePassword(role));
    }

    /** A database role's password, drawn by the local PostgreSQL at its first start. */
    String databasePassword(String role) {
        try {
            return Files.readString(home.resolve("secrets/postgres/" + role + ".password")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An access token of a demo agent, from the suite's local issuer (what {@code ./guichet token} prints). */
    String token(String user) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + environment.get("GUICHET_ISSUER_PORT") + "/demo/tokens/" + user))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            return answer.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The demo agents' password on the issuer's sign-in page, made by ./guichet for this state. */
    String demoPassword() {
        try {
            return Files.readString(home.resolve("secrets/demo-agents.password")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String kafkaBootstrapServers() {
        return "127.0.0.1:" + environment.get("GUICHET_KAFKA_PORT");
    }

    /**
     * The settings of a Kafka client signed in as one of deploy/kafka/access.yaml's principals (SCRAM-SHA-512), or as
     * the broker's administrator ({@code "admin"}, SASL PLAIN), with the password ./guichet made for it.
     */
    Map<String, Object> kafkaClient(String principal) {
        boolean admin = principal.equals("admin");
        String password;
        try {
            password = Files.readString(home.resolve("secrets/kafka/" + principal + ".password")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, admin ? "PLAIN" : "SCRAM-SHA-512");
        config.put(SaslConfigs.SASL_JAAS_CONFIG, (admin ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule")
                + " required username=\"" + principal + "\" password=\"" + password + "\";");
        return config;
    }

    /** {@link #kafkaClient(String)} with more settings. */
    Map<String, Object> kafkaClient(String principal, Map<String, Object> more) {
        Map<String, Object> config = kafkaClient(principal);
        config.putAll(more);
        return config;
    }

    /** Runs {@code ./guichet <arguments>} and returns its exit code; its output goes to the test's log file. */
    int guichet(String... arguments) {
        try {
            Files.createDirectories(home);
            ProcessBuilder builder = new ProcessBuilder();
            builder.command().add(root.resolve("guichet").toString());
            builder.command().addAll(List.of(arguments));
            builder.directory(root.toFile()).environment().putAll(environment);
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("guichet.out").toFile()));
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroy();
                throw new IllegalStateException("./guichet " + String.join(" ", arguments) + " did not finish");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The pid ./guichet recorded for a component, if it runs. */
    Optional<String> pid(String component) {
        Path file = home.resolve("run").resolve(component + ".pid");
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file).trim()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A GET sent to one gateway instance's own port as the balancer sends it, the PROXY protocol's line first (the
     * instances take nothing else): the answer's body. {@code token} null: none.
     */
    String getFromGatewayInstance(String instance, String path, String token) throws IOException {
        int port = instancePort(instance);
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            String request = "PROXY TCP4 127.0.0.1 127.0.0.1 " + socket.getLocalPort() + " " + port + "\r\n"
                    + "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] answer = socket.getInputStream().readAllBytes();
            int end = indexOf(answer, "\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0);
            String head = new String(answer, 0, end, java.nio.charset.StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT);
            if (!head.contains("transfer-encoding: chunked")) {
                return new String(answer, end + 4, answer.length - end - 4, java.nio.charset.StandardCharsets.UTF_8);
            }
            java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
            byte[] crlf = "\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int at = end + 4; ; ) {
                int line = indexOf(answer, crlf, at);
                int size = Integer.parseInt(new String(answer, at, line - at, java.nio.charset.StandardCharsets.US_ASCII).trim(), 16);
                if (size == 0) {
                    return whole.toString(java.nio.charset.StandardCharsets.UTF_8);
                }
                whole.write(answer, line + 2, size);
                at = line + 2 + size + 2;
            }
        }
    }

    private static int indexOf(byte[] bytes, byte[] sought, int from) {
        for (int i = from; i <= bytes.length - sought.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + sought.length, sought, 0, sought.length)) {
                return i;
            }
        }
        throw new IllegalStateException("Not an HTTP answer");
    }

    /** The port one instance listens on (behind the balancer), e.g. {@code instancePort("gateway.2")}. */
    int instancePort(String instance) {
        try {
            return Integer.parseInt(Files.readString(home.resolve("run").resolve(instance + ".port")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What ./guichet printed, for the failure message of a test. */
    String output() {
        try {
            Path out = home.resolve("guichet.out");
            return Files.exists(out) ? Files.readString(out) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final java.util.Set<Integer> TAKEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A free port below the kernel's ephemeral range: a port the system hands out for outgoing connections (the suite
     * opens many: Kafka, PostgreSQL, HTTP) could be taken by one of them before the component that was given it starts.
     */
    private static int freePort() {
        int ephemeralStart = 32768;
        try {
            ephemeralStart = Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            // Not Linux: the usual start of the range.
        }
        int low = 20000;
        int high = Math.max(low + 1000, ephemeralStart - 1);
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = low + random.nextInt(high - low);
            if (TAKEN.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                TAKEN.add(port);
                return socket.getLocalPort();
            } catch (IOException taken) {
                // Try another.
            }
        }
        throw new UncheckedIOException(new IOException("No free port between " + low + " and " + high));
    }
}
