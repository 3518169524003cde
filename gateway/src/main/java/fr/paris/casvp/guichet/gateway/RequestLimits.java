package fr.paris.casvp.guichet.gateway;

import fr.paris.casvp.guichet.contracts.ProblemTypes;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The gateway's size limits, first of all its filters, each refusal a problem (RFC 9457) that says which limit: a body
 * declared over {@code max-body} (413), a URI over {@code max-uri-length} characters (414), headers over
 * {@code max-header-bytes} in all (431). The HTTP server itself accepts more ({@code server.netty.*}, eight times as
 * much) so that these answers, not its own empty ones, are what a client meets; past the server's limits it still
 * closes the request with a bare status.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLimits implements WebFilter {

    @ConfigurationProperties("guichet.request-limits")
    record Settings(@DefaultValue("1MB") DataSize maxBody, @DefaultValue("4096") int maxUriLength,
                    @DefaultValue("8192") int maxHeaderBytes) {
    }

    private final Settings settings;

    RequestLimits(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getHeaders().getContentLength() > settings.maxBody().toBytes()) {
            return refuse(exchange, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                    "The body is over " + settings.maxBody().toKilobytes() + " KB.");
        }
        if (request.getURI().getRawPath().length() + rawQueryLength(request) > settings.maxUriLength()) {
            return refuse(exchange, HttpStatus.URI_TOO_LONG, "URI too long",
                    "The address is over " + settings.maxUriLength() + " characters.");
        }
        if (headerBytes(request) > settings.maxHeaderBytes()) {
            return refuse(exchange, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Request headers too large",
                    "The headers are over " + settings.maxHeaderBytes() + " bytes in all.");
        }
        return chain.filter(exchange);
    }

    private static int rawQueryLength(ServerHttpRequest request) {
        String query = request.getURI().getRawQuery();
        return query == null ? 0 : query.length() + 1;
    }

    private static long headerBytes(ServerHttpRequest request) {
        long bytes = 0;
        for (Map.Entry<String, List<String>> header : request.getHeaders().headerSet()) {
            for (String value : header.getValue()) {
                bytes += header.getKey().length() + value.length() + 4;
            }
        }
        return bytes;
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        return GatewayProblems.write(exchange.getResponse(), status, ProblemTypes.REQUEST_TOO_LARGE, title, detail);
    }
}
