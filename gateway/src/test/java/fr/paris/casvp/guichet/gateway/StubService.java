package fr.paris.casvp.guichet.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.paris.casvp.guichet.testsupport.TestSigningKeys;
import fr.paris.casvp.guichet.testsupport.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Stands for a service behind the gateway in the gateway's own tests (the suite's system tests use the real ones):
 * ready, echoing the method and path it received, slow on paths ending in {@code /slow} (3 s, several at once), and
 * answering the status a request asks for in {@code X-Stub-Status} (a refusal, a defect, "unavailable") with a
 * problem body; {@link #freeze()} holds every request until {@link #thaw()}, as a hung process.
 */
final class StubService implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService requests = Executors.newCachedThreadPool();
    private final AtomicInteger received = new AtomicInteger();
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private volatile boolean frozen;

    private StubService(String name, boolean actuator) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        if (actuator) {
            server.createContext("/actuator/health/readiness", exchange -> {
                waitWhileFrozen();
                reply(exchange, 200, "{\"status\":\"UP\"}");
            });
        }
        server.createContext("/api/", exchange -> {
            received.incrementAndGet();
            clientPorts.add(exchange.getRemoteAddress().getPort());
            waitWhileFrozen();
            if (exchange.getRequestURI().getPath().endsWith("/slow")) {
                sleep(3_000);
            }
            String status = exchange.getRequestHeaders().getFirst("X-Stub-Status");
            if (status != null) {
                reply(exchange, Integer.parseInt(status), "{\"type\":\"urn:guichet:problem:stub\",\"status\":" + status
                        + ",\"service\":\"" + name + "\"}");
                return;
            }
            reply(exchange, 200, "{\"service\":\"" + name + "\",\"method\":\"" + exchange.getRequestMethod()
                    + "\",\"path\":\"" + exchange.getRequestURI().getPath()
                    + "\",\"authorization\":\"" + exchange.getRequestHeaders().getFirst("Authorization") + "\"}");
        });
        server.setExecutor(requests);
        server.start();
    }

    static StubService start(String name) {
        return start(name, true);
    }

    /** A service whose actuator is on a port of its own: its business port answers 404 for the readiness. */
    static StubService withoutActuator(String name) {
        return start(name, false);
    }

    private static StubService start(String name, boolean actuator) {
        try {
            return new StubService(name, actuator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A gateway whose services are stubs and whose Kafka is down: each service {@code name} routed to its stub, the
     * test tokens and keys, and a Kafka address where nothing listens.
     */
    static void gatewayProperties(DynamicPropertyRegistry registry, Map<String, StubService> services) {
        services.forEach((name, stub) -> registry.add("guichet.services." + name + ".url", stub::url));
        TestTokens.resourceServerProperties().forEach((name, value) -> registry.add(name, () -> value));
        TestSigningKeys.properties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.kafka.bootstrap-servers", () -> refusedUrl().replace("http://", ""));
    }

    /** Every service routed to one stub. */
    static Map<String, StubService> allAt(StubService stub) {
        return Map.of("beneficiaries", stub, "aid", stub, "solidarity", stub, "transport", stub);
    }

    /** An address where nothing listens: connections are refused, as when a service is stopped. */
    static String refusedUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The client ports the API's requests came from: one per connection the gateway opened. */
    Set<Integer> clientPorts() {
        return Set.copyOf(clientPorts);
    }

    /** Holds every request, readiness included, as a process stopped by SIGSTOP (or a full pause) would. */
    void freeze() {
        frozen = true;
    }

    void thaw() {
        frozen = false;
    }

    /** The API requests that reached this service. */
    int received() {
        return received.get();
    }

    private void waitWhileFrozen() {
        while (frozen) {
            sleep(20);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        requests.shutdownNow();
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
