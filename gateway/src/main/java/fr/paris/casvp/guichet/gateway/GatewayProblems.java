package fr.paris.casvp.guichet.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/**
 * A problem (RFC 9457) written straight to the response, for the gateway's filters that answer before any controller
 * (authentication, rate limits). Titles and details are the gateway's own texts: no client input is echoed.
 */
final class GatewayProblems {

    private GatewayProblems() {
    }

    static Mono<Void> write(ServerHttpResponse response, HttpStatus status, URI type, String title, String detail) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = ("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
