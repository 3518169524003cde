package fr.paris.casvp.guichet.gateway.status;

import fr.paris.casvp.guichet.gateway.GuichetServices;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the state of every service behind the gateway: polls its readiness endpoint and reads its route's circuit
 * breaker. A service is UP only when both say so.
 */
@Component
public class ServiceHealthMonitor {

    private final GuichetServices services;
    private final CircuitBreakerRegistry breakers;
    private final WebClient client;
    private final Duration timeout;
    private final Clock clock;
    private final Map<String, Observation> observations = new ConcurrentHashMap<>();

    ServiceHealthMonitor(GuichetServices services, CircuitBreakerRegistry breakers,
                         @Value("${guichet.status.health-timeout:2s}") Duration timeout, Clock clock) {
        this.services = services;
        this.breakers = breakers;
        this.client = WebClient.create();
        this.timeout = timeout;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${guichet.status.poll-interval:3s}")
    void poll() {
        Flux.fromIterable(services.services().entrySet())
                .flatMap(entry -> readiness(entry.getValue()).map(health -> Map.entry(entry.getKey(), health)))
                .doOnNext(result -> record(result.getKey(), result.getValue()))
                .then()
                .block(timeout.plusSeconds(1));
    }

    private Mono<String> readiness(GuichetServices.Service service) {
        return client.get().uri(service.url().resolve("/actuator/health/readiness"))
                .exchangeToMono(response -> Mono.just(response.statusCode().is2xxSuccessful() ? "UP" : "DOWN"))
                .timeout(timeout)
                .onErrorReturn("UNREACHABLE");
    }

    private void record(String name, String health) {
        observations.compute(name, (key, previous) -> {
            boolean up = "UP".equals(health);
            Instant since = previous != null && previous.up() == up ? previous.since() : clock.instant();
            return new Observation(health, up, since);
        });
    }

    public List<ServiceState> states() {
        return services.services().entrySet().stream().map(entry -> {
            String name = entry.getKey();
            Observation seen = observations.getOrDefault(name, new Observation("UNKNOWN", false, null));
            CircuitBreaker.State breaker = breakers.circuitBreaker(name).getState();
            boolean breakerLetsThrough = breaker == CircuitBreaker.State.CLOSED || breaker == CircuitBreaker.State.HALF_OPEN
                    || breaker == CircuitBreaker.State.DISABLED;
            ServiceState.Status status = seen.up() && breakerLetsThrough ? ServiceState.Status.UP : ServiceState.Status.DOWN;
            return new ServiceState(name, entry.getValue().label(), status, seen.since(), seen.health(), breaker.name());
        }).toList();
    }

    private record Observation(String health, boolean up, Instant since) {
    }
}
