package fr.paris.casvp.guichet.partners;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The local run's partners, started by {@code ./guichet up}: a treasury that pays the payment orders and a transport
 * operator that loads the Navigo passes, each signed in to Kafka as its own principal. {@code GET /health} answers 200
 * once both read their orders; {@code GET /answers} lists their latest answers.
 *
 * <p>Settings (environment): {@code GUICHET_KAFKA_BOOTSTRAP}, {@code GUICHET_KAFKA_CA_FILE} (the cluster's CA
 * certificate, PEM: the simulators then connect over TLS, {@code SASL_SSL}, as a partner does from outside; without it,
 * {@code SASL_PLAINTEXT}, the local run's listener), {@code GUICHET_PARTNERS_PORT}, {@code GUICHET_BIND_ADDRESS}
 * (127.0.0.1), the principals' passwords {@code GUICHET_TREASURY_PASSWORD} and
 * {@code GUICHET_TRANSPORT_OPERATOR_PASSWORD}, {@code GUICHET_CLOSED_ACCOUNTS} (IBANs, comma-separated),
 * {@code GUICHET_TREASURY_FAILURE_PERCENT} (0), {@code GUICHET_UNKNOWN_CARDS} (card numbers, comma-separated).
 */
public final class PartnerSimulators {

    private static final Logger log = LoggerFactory.getLogger(PartnerSimulators.class);

    /** The demo's closed account: a payment to it fails. */
    static final String DEMO_CLOSED_ACCOUNT = "FR0930006000010000000000097";
    /** The demo's card the operator does not know: a pass to load on it is rejected. */
    static final String DEMO_UNKNOWN_CARD = "0000000000";

    private PartnerSimulators() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> env = System.getenv();
        JsonMapper json = json();
        Clock clock = Clock.systemUTC();
        String bootstrap = required(env, "GUICHET_KAFKA_BOOTSTRAP");
        String caFile = env.get("GUICHET_KAFKA_CA_FILE");
        List<Responder> responders = List.of(
                new Responder(new Treasury(list(env.getOrDefault("GUICHET_CLOSED_ACCOUNTS", DEMO_CLOSED_ACCOUNT)),
                        Integer.parseInt(env.getOrDefault("GUICHET_TREASURY_FAILURE_PERCENT", "0")), json),
                        kafka(bootstrap, caFile, "treasury", required(env, "GUICHET_TREASURY_PASSWORD")), json, clock),
                new Responder(new TransportOperator(list(env.getOrDefault("GUICHET_UNKNOWN_CARDS", DEMO_UNKNOWN_CARD)), json),
                        kafka(bootstrap, caFile, "transport-operator",
                                required(env, "GUICHET_TRANSPORT_OPERATOR_PASSWORD")), json, clock));
        List<Thread> threads = responders.stream().map(responder -> {
            Thread thread = new Thread(responder, responder.partner().route().principal());
            thread.start();
            return thread;
        }).toList();

        HttpServer http = HttpServer.create(new InetSocketAddress(env.getOrDefault("GUICHET_BIND_ADDRESS", "127.0.0.1"),
                Integer.parseInt(env.getOrDefault("GUICHET_PARTNERS_PORT", "8086"))), 0);
        http.createContext("/health", exchange -> {
            boolean ready = responders.stream().allMatch(Responder::ready) && threads.stream().allMatch(Thread::isAlive);
            reply(exchange, ready ? 200 : 503, "{\"status\":\"" + (ready ? "UP" : "DOWN") + "\"}");
        });
        http.createContext("/answers", exchange -> {
            ObjectNode body = json.createObjectNode();
            responders.forEach(r -> body.putArray(r.partner().route().principal()).addAll(r.latest()));
            reply(exchange, 200, json.writeValueAsString(body));
        });
        http.start();
        // On ./guichet stop (SIGTERM): each consumer leaves its group before the JVM ends, so a restart is assigned at once.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            responders.forEach(Responder::stop);
            http.stop(0);
            for (Thread thread : threads) {
                try {
                    thread.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }));
        log.info("Partner simulators started (treasury, transport operator) on {}", http.getAddress());
    }

    /** Amounts are read as decimals, never as binary floating point: 400.00 stays 400.00. */
    static JsonMapper json() {
        return JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    }

    /**
     * A principal's client settings: SASL/SCRAM-SHA-512, over TLS with the cluster's CA ({@code caFile}, PEM) as a
     * partner connects, or over the local run's plaintext listener when there is none.
     */
    static Map<String, Object> kafka(String bootstrap, String caFile, String principal, String password) {
        Map<String, Object> settings = new HashMap<>(Map.of("bootstrap.servers", bootstrap, "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + principal
                        + "\" password=\"" + password + "\";",
                "client.id", principal + "-simulator"));
        if (caFile == null || caFile.isBlank()) {
            settings.put("security.protocol", "SASL_PLAINTEXT");
        } else {
            settings.putAll(Map.of("security.protocol", "SASL_SSL", "ssl.truststore.type", "PEM", "ssl.truststore.location", caFile));
        }
        return Map.copyOf(settings);
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }

    private static Set<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
