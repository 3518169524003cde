package fr.paris.casvp.guichet.gateway.status;

import fr.paris.casvp.guichet.gateway.GuichetServices;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Cuts short the calls waiting on a service the moment the gateway sees it hung ({@link ServiceHealthMonitor}), rather
 * than at the route's time limit (10 s): each call to a service races a signal that the monitor fires when the
 * service's probe times out or answers DOWN; the call then fails with a {@link TimeoutException}, inside the route's
 * circuit breaker, whose fallback queues an application (with its {@code Idempotency-Key}: had the service received it
 * before it hung, it applies it once all the same) or answers the problem that names the service.
 *
 * <p>Runs inside each route's filters (after the circuit breaker, before the call), on the benefits' and the
 * registry's routes.
 */
@Component
public class HangGuard implements GlobalFilter, Ordered {

    private final GuichetServices services;
    private final Map<String, Sinks.Empty<Void>> signals = new ConcurrentHashMap<>();
    /** When each service last answered a call (System.nanoTime), whatever the answer: it was not frozen then. */
    private final Map<String, Long> lastAnswers = new ConcurrentHashMap<>();

    HangGuard(GuichetServices services) {
        this.services = services;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null || !services.services().containsKey(route.getId())) {
            return chain.filter(exchange);
        }
        String service = route.getId();
        Mono<Void> hung = signal(service).asMono()
                .then(Mono.error(() -> new TimeoutException(service + " stopped answering: its probe timed out")));
        return Mono.firstWithSignal(chain.filter(exchange).doOnSuccess(done -> lastAnswers.put(service, System.nanoTime())), hung);
    }

    /**
     * Whether the service answered a call since {@code nanoTime}: a probe that timed out meanwhile met a busy service
     * (its readiness waiting for a database connection under load), not a frozen one.
     */
    boolean answeredSince(String service, long nanoTime) {
        Long last = lastAnswers.get(service);
        return last != null && last - nanoTime > 0;
    }

    /** The calls waiting on the service now fail; the later ones wait for the next signal. */
    void cut(String service) {
        Sinks.Empty<Void> fired = signals.remove(service);
        if (fired != null) {
            fired.tryEmitEmpty();
        }
    }

    private Sinks.Empty<Void> signal(String service) {
        return signals.computeIfAbsent(service, name -> Sinks.empty());
    }

    /** Inside the routes' own filters (the circuit breaker's order is its place in the route, 1 to 4). */
    @Override
    public int getOrder() {
        return 100;
    }
}
