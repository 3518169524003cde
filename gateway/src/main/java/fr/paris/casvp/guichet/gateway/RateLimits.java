package fr.paris.casvp.guichet.gateway;

import fr.paris.casvp.guichet.contracts.ProblemTypes;
import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Rate limits, after authentication: per agent (the token's subject) on the API, per client address
 * ({@link ClientAddresses#limitedAs}: the forwarded address only from a trusted proxy, an IPv6 client by its /64) for
 * requests without a token (the status
 * board, the public pages). A token bucket per key: {@code burst} requests at once, refilled at {@code perSecond}.
 * Past it: 429 problem with {@code Retry-After}. Kept in this instance's memory; with N instances of the gateway
 * ({@link GatewayPeers}) behind a balancer that spreads requests evenly, each applies 1/N of the limit, so that together
 * they allow about the limit (the buckets start again full when N changes).
 */
@Component
@Order(10)
public class RateLimits implements WebFilter {

    @ConfigurationProperties("guichet.rate-limit")
    record Settings(@DefaultValue Bucket perAgent, @DefaultValue Bucket perAddress) {
    }

    /** @param perSecond sustained rate; @param burst bucket size */
    public record Bucket(@DefaultValue("50") double perSecond, @DefaultValue("200") int burst) {

        /** This instance's share of the limit when {@code instances} share it (a burst of 1 at least). */
        public Bucket sharedBy(int instances) {
            return instances <= 1 ? this : new Bucket(perSecond / instances, Math.max(1, burst / instances));
        }
    }

    private final Settings settings;
    private final ClientAddresses addresses;
    private final GatewayPeers peers;
    private final Buckets buckets = new Buckets();
    private volatile int sharedBy = 1;

    RateLimits(Settings settings, ClientAddresses addresses, GatewayPeers peers) {
        this.settings = settings;
        this.addresses = addresses;
        this.peers = peers;
    }

    /**
     * The counter's own files, static and cheap, about a dozen per page load: not counted against the address, which a
     * section's office behind one NAT shares (its agents' reloads emptied one bucket, and the next page could not load
     * its scripts). Its API calls are counted per agent as any.
     */
    static boolean counterShell(ServerHttpRequest request) {
        String path = request.getPath().value();
        return HttpMethod.GET.equals(request.getMethod()) && (path.equals("/") || path.equals("/index.html")
                || path.equals("/sw.js") || path.equals("/favicon.svg") || path.equals("/counter/config") || path.startsWith("/app/"));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().value().startsWith("/actuator/health") || counterShell(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal().map(Principal::getName).map(name -> "agent:" + name)
                .defaultIfEmpty("address:" + addresses.limitedAs(exchange.getRequest()))
                .flatMap(key -> {
                    int instances = peers.count();
                    if (instances != sharedBy) {
                        sharedBy = instances;
                        buckets.clear();
                    }
                    Bucket limit = (key.startsWith("agent:") ? settings.perAgent() : settings.perAddress()).sharedBy(instances);
                    Duration wait = buckets.take(key, limit);
                    return wait.isZero() ? chain.filter(exchange) : tooMany(exchange.getResponse(), wait);
                });
    }

    private static Mono<Void> tooMany(ServerHttpResponse response, Duration wait) {
        long seconds = Math.max(1, (long) Math.ceil(wait.toMillis() / 1000.0));
        response.getHeaders().set("Retry-After", String.valueOf(seconds));
        return GatewayProblems.write(response, HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_REQUESTS,
                "Too many requests", "Too many requests: try again in " + seconds + " s.");
    }

    /**
     * Token buckets by key, in memory and bounded (issue #33: a map of lookups grew with every number tried): past
     * {@link #MAX_KEYS} keys, the buckets that are full again (clients gone quiet) are dropped, and if none is, the
     * newcomer is refused until some are (a flood of new keys cannot grow the map, nor empty the busy clients' buckets).
     */
    public static final class Buckets {

        static final int MAX_KEYS = 10_000;
        private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

        /** Zero when the key may go on, else how long it should wait. */
        public Duration take(String key, Bucket limit) {
            TokenBucket bucket = buckets.get(key);
            if (bucket == null) {
                if (buckets.size() >= MAX_KEYS) {
                    buckets.values().removeIf(TokenBucket::isFull);
                    if (buckets.size() >= MAX_KEYS) {
                        return Duration.ofSeconds(1);
                    }
                }
                bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(limit));
            }
            return bucket.take();
        }

        /** Whether the key could go on now, without using a token. */
        public boolean wouldWait(String key) {
            TokenBucket bucket = buckets.get(key);
            return bucket != null && !bucket.hasToken();
        }

        public void clear() {
            buckets.clear();
        }

        public int size() {
            return buckets.size();
        }
    }

    /** Tokens refill continuously; {@link #take()} answers how long to wait when there is none left. */
    public static final class TokenBucket {

        private final double perNano;
        private final int capacity;
        private double tokens;
        private long refilledAt = System.nanoTime();

        public TokenBucket(Bucket limit) {
            this.perNano = limit.perSecond() / 1e9;
            this.capacity = limit.burst();
            this.tokens = limit.burst();
        }

        synchronized boolean isFull() {
            return Math.min(capacity, tokens + (System.nanoTime() - refilledAt) * perNano) >= capacity;
        }

        synchronized boolean hasToken() {
            return Math.min(capacity, tokens + (System.nanoTime() - refilledAt) * perNano) >= 1;
        }

        public synchronized Duration take() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) ((1 - tokens) / perNano));
        }
    }
}
