package fr.paris.casvp.guichet.gateway;

import fr.paris.casvp.guichet.contracts.ProblemTypes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The gateway's door (issue #37): at most {@code max-in-flight} requests inside this instance at once; past it a
 * request is refused before anything else is done for it (no token read, no rate limit, no route), 503
 * {@code urn:guichet:problem:service-busy} with {@code Retry-After: 1}, so that under twice its capacity the gateway
 * spends its cores on the requests it serves, and a refusal costs microseconds instead of waiting its turn behind them.
 * Right after the size limits ({@link RequestLimits}), before authentication.
 *
 * <p>Not counted: the probes and metrics ({@code /actuator/**}: an operator sees an overloaded gateway as overloaded, not
 * as dead) and the counter's own static files ({@link RateLimits#counterShell}). Nothing accepted is refused: a request
 * is refused whole or served whole; an application refused here was never received, and the counter says to send it
 * again in a moment.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class AdmissionLimit implements WebFilter {

    /** @param maxInFlight requests inside this instance at once (the routes' bulkheads take 12 calls each) */
    @ConfigurationProperties("guichet.admission")
    record Settings(@DefaultValue("64") int maxInFlight) {
    }

    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter refused;

    AdmissionLimit(Settings settings, MeterRegistry meters) {
        if (settings.maxInFlight() < 1) {
            throw new IllegalArgumentException("guichet.admission.max-in-flight must be at least 1, not " + settings.maxInFlight());
        }
        this.maxInFlight = settings.maxInFlight();
        Gauge.builder("guichet.gateway.admission.in.flight", inFlight, AtomicInteger::get)
                .description("Requests inside the gateway now (its door admits guichet.admission.max-in-flight)").register(meters);
        this.refused = Counter.builder("guichet.gateway.admission.refused")
                .description("Requests refused at the door, the gateway being full").register(meters);
    }

    /** How many requests are inside now. */
    int inFlight() {
        return inFlight.get();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().value().startsWith("/actuator/") || RateLimits.counterShell(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            refused.increment();
            return busy(exchange.getResponse());
        }
        return chain.filter(exchange).doFinally(signal -> inFlight.decrementAndGet());
    }

    private static Mono<Void> busy(ServerHttpResponse response) {
        response.getHeaders().set("Retry-After", "1");
        return GatewayProblems.write(response, HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_BUSY, "Gateway busy",
                "The gateway is serving as many requests as it can at once: try again in a second.");
    }
}
