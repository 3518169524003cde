package fr.paris.casvp.guichet.gateway;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Remembers the path the client asked for before a circuit breaker forwards the exchange to its fallback, so that a
 * problem names the client's resource ({@code instance}) rather than {@code /fallback/...}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OriginalPathFilter implements WebFilter {

    static final String ATTRIBUTE = OriginalPathFilter.class.getName() + ".path";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getAttributes().putIfAbsent(ATTRIBUTE, exchange.getRequest().getPath().value());
        return chain.filter(exchange);
    }
}
