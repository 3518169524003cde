package fr.paris.casvp.guichet.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** Calls the suite through its gateway, as a counter does. */
final class GatewayClient {

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final LocalSuite suite;
    private final String token;
    private final String traceparent;

    /** As agent13 (AGENT, section 13). */
    GatewayClient(LocalSuite suite) {
        this(suite, "agent13");
    }

    GatewayClient(LocalSuite suite, String user) {
        this(suite, suite.token(user), null);
    }

    private GatewayClient(LocalSuite suite, String token, String traceparent) {
        this.suite = suite;
        this.token = token;
        this.traceparent = traceparent;
    }

    /** The same agent, every request sent with this W3C {@code traceparent} (a trace id the test knows, sampled or not). */
    GatewayClient withTraceparent(String traceparent) {
        return new GatewayClient(suite, token, traceparent);
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /**
     * Waits until the value at {@code jsonPath} of what {@code path} answers is {@code expected}. A wait that runs out
     * names the last answer, its HTTP status and body: where the file stopped (still ordered: the partner did not
     * answer) or what answered instead (a problem from the gateway).
     */
    void awaitField(String path, String jsonPath, Object expected, Duration within) {
        await().atMost(within).untilAsserted(() -> {
            HttpResponse<String> answer = get(path);
            assertThat(answer.statusCode()).as("GET %s answered %s", path, answer.body()).isEqualTo(200);
            assertThat((Object) JsonPath.read(answer.body(), jsonPath)).as("%s of GET %s, in %s", jsonPath, path, answer.body())
                    .isEqualTo(expected);
        });
    }

    /** A document (a decision letter): its bytes. */
    HttpResponse<byte[]> download(String path) {
        try {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A document asked by POST (printed forms): its bytes. */
    HttpResponse<byte[]> downloadPosted(String path, String json) {
        try {
            return http.send(request(path).header("Idempotency-Key", UUID.randomUUID().toString())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> post(String path, UUID idempotencyKey, String json) {
        return send(request(path).header("Idempotency-Key", idempotencyKey.toString()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, UUID idempotencyKey, String json) {
        return send(request(path).header("Idempotency-Key", idempotencyKey.toString()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.gateway(path))).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        return traceparent == null ? request : request.header("traceparent", traceparent);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
