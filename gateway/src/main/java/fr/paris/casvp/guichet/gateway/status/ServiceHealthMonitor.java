package fr.paris.casvp.guichet.gateway.status;

import fr.paris.casvp.guichet.contracts.status.BoardEntry;
import fr.paris.casvp.guichet.gateway.GuichetServices;
import fr.paris.casvp.guichet.gateway.ServiceAddresses;
import fr.paris.casvp.guichet.gateway.intake.ReceiptBook;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

/**
 * Keeps the state of every service behind the gateway: polls its readiness endpoint and reads its route's circuit
 * breaker (a service is UP only when both say so), and whether Kafka takes commands (a DOWN service whose applications
 * can be queued is DEGRADED, else UNAVAILABLE). The supervisor's messages and the history of incidents (the last 500
 * changes) are shared by every instance of the gateway ({@link SharedBoard}).
 *
 * <p>What it knows, the gateway uses (issue #39): a service whose readiness does not answer within the probe's time-out
 * (1 s, every 500 ms: a hung service is seen within 1.5 s), and that answered no call meanwhile (a busy service's
 * readiness may wait for a database connection; a frozen service answers nothing), or answers DOWN, has its route's
 * breaker held open
 * ({@code FORCED_OPEN}): its applications go straight to the intake, its reads fail at once with the problem that names
 * it, and the calls already waiting on it are cut short ({@link HangGuard}) and take the same way. Recovery is probed by
 * this monitor alone, never by an agent's request: the breaker closes at the first probe that answers UP. A breaker
 * that opened on failed calls (the service's readiness still UP) is held open the same way, and closed by a probe
 * after its wait in the open state.
 */
@Component
public class ServiceHealthMonitor {

    /** A change of availability, or of a message, for the incident history. */
    public record Incident(Instant at, String service, String from, String to, String message) {
    }

    private final GuichetServices services;
    private final CircuitBreakerRegistry breakers;
    private final ReceiptBook receipts;
    private final WebClient client;
    private final AdminClient kafka;
    private final Duration timeout;
    private final Clock clock;
    private final Map<String, Observation> observations = new ConcurrentHashMap<>();
    private final Map<String, ServiceState.Availability> availability = new ConcurrentHashMap<>();
    private final Map<String, Instant> availableSince = new ConcurrentHashMap<>();
    private final SharedBoard board;
    private final HangGuard hangs;
    /** The breakers held open because their calls failed (not their readiness), and since when. */
    private final Map<String, Instant> openedOnFailures = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean kafkaProbing = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean kafkaUp = true;

    ServiceHealthMonitor(GuichetServices services, CircuitBreakerRegistry breakers, ReceiptBook receipts, KafkaAdmin admin,
                         SharedBoard board, HangGuard hangs, @Value("${guichet.status.health-timeout:1s}") Duration timeout,
                         Clock clock) {
        this.board = board;
        this.hangs = hangs;
        this.services = services;
        this.breakers = breakers;
        this.receipts = receipts;
        this.client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(ServiceAddresses.resolvedFreshly(HttpClient.create()))).build();
        Map<String, Object> config = new java.util.HashMap<>(admin.getConfigurationProperties());
        // Kafka is asked apart from the services' probes, at least 2 s: a broker may take longer than a service to answer.
        int kafkaTimeout = (int) Math.max(2000, timeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, kafkaTimeout);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, kafkaTimeout);
        this.kafka = AdminClient.create(config);
        this.timeout = timeout;
        this.clock = clock;
    }

    @PreDestroy
    void close() {
        kafka.close(Duration.ofSeconds(1));
    }

    @Scheduled(fixedDelayString = "${guichet.status.poll-interval:500ms}")
    void poll() {
        long probed = System.nanoTime();
        Flux.fromIterable(services.services().entrySet())
                .flatMap(entry -> readiness(entry.getValue()).map(health -> Map.entry(entry.getKey(), health)))
                // A probe that timed out while the service kept answering calls met a busy service, not a hung one.
                .filter(result -> !("UNREACHABLE".equals(result.getValue()) && hangs.answeredSince(result.getKey(), probed)))
                .doOnNext(result -> record(result.getKey(), result.getValue()))
                .then()
                .block(timeout.plusSeconds(1));
        probeKafka();
        states();
    }

    /** Whether Kafka takes commands, asked without waiting for the answer: a slow broker never delays the probes. */
    private void probeKafka() {
        if (!kafkaProbing.compareAndSet(false, true)) {
            return;
        }
        kafka.describeCluster(new DescribeClusterOptions().timeoutMs((int) Math.max(2000, timeout.toMillis()))).nodes()
                .whenComplete((nodes, failure) -> {
                    kafkaUp = failure == null;
                    kafkaProbing.set(false);
                });
    }

    /**
     * A kept-alive connection may lead to an instance that was just killed behind a balancer: a broken connection is
     * tried once more on a new one (to a live instance) before the service is said unreachable. A time-out is not.
     */
    private Mono<String> readiness(GuichetServices.Service service) {
        return client.get().uri(service.readiness())
                .exchangeToMono(response -> Mono.just(response.statusCode().is2xxSuccessful() ? "UP" : "DOWN"))
                .retryWhen(Retry.max(1).filter(e -> e instanceof WebClientRequestException || e instanceof java.io.IOException))
                .timeout(timeout)
                .onErrorReturn("UNREACHABLE");
    }

    private void record(String name, String health) {
        Observation seen = observations.compute(name, (key, previous) -> {
            boolean up = "UP".equals(health);
            Instant since = previous != null && previous.up() == up ? previous.since() : clock.instant();
            return new Observation(health, up, since);
        });
        holdOrRelease(name, seen.up());
    }

    /** The breaker follows what the probe saw: held open while the service does not answer UP, closed when it does. */
    private void holdOrRelease(String name, boolean up) {
        CircuitBreaker breaker = breakers.circuitBreaker(name);
        CircuitBreaker.State state = breaker.getState();
        Instant now = clock.instant();
        if (!up) {
            openedOnFailures.remove(name);
            if (state != CircuitBreaker.State.FORCED_OPEN) {
                breaker.transitionToForcedOpenState();
                hangs.cut(name);
            }
        } else if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.HALF_OPEN) {
            // Opened on failed calls while the service says it is ready: held open, and tried again by a probe.
            breaker.transitionToForcedOpenState();
            openedOnFailures.put(name, now);
        } else if (state == CircuitBreaker.State.FORCED_OPEN) {
            Instant failedAt = openedOnFailures.get(name);
            Duration wait = Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
            if (failedAt == null || !now.isBefore(failedAt.plus(wait))) {
                openedOnFailures.remove(name);
                breaker.transitionToClosedState();
            }
        }
    }

    /** A service's availability as last computed (every poll), or null before the first. */
    public ServiceState.Availability availability(String service) {
        return availability.get(service);
    }

    public List<ServiceState> states() {
        return services.services().entrySet().stream().map(entry -> {
            String name = entry.getKey();
            Observation seen = observations.getOrDefault(name, new Observation("UNKNOWN", false, null));
            CircuitBreaker.State breaker = breakers.circuitBreaker(name).getState();
            boolean breakerLetsThrough = breaker == CircuitBreaker.State.CLOSED || breaker == CircuitBreaker.State.HALF_OPEN
                    || breaker == CircuitBreaker.State.DISABLED;
            ServiceState.Status status = seen.up() && breakerLetsThrough ? ServiceState.Status.UP : ServiceState.Status.DOWN;
            ServiceState.Availability now = status == ServiceState.Status.UP ? ServiceState.Availability.AVAILABLE
                    : kafkaUp && !entry.getValue().intake().isEmpty() ? ServiceState.Availability.DEGRADED
                    : ServiceState.Availability.UNAVAILABLE;
            Instant since = transition(name, now);
            return new ServiceState(name, entry.getValue().label(), status, now, since, receipts.queued(name), board.message(name),
                    seen.health(), breaker.name());
        }).toList();
    }

    private Instant transition(String name, ServiceState.Availability now) {
        ServiceState.Availability before = availability.put(name, now);
        if (before != now) {
            Instant at = clock.instant();
            availableSince.put(name, at);
            board.availability(name, now.name(), at);
        }
        return availableSince.get(name);
    }

    /**
     * The supervisor's message for a service ({@code service} null: for the whole board), shown by every instance;
     * blank clears it.
     *
     * @throws IllegalStateException when it cannot be recorded (Kafka down): it is shown nowhere
     */
    public void message(String service, String message, String author) {
        board.message(BoardEntry.message(service == null ? BoardEntry.WHOLE_BOARD : service, message == null ? "" : message.strip(),
                author, clock.instant()));
    }

    public String generalMessage() {
        return board.message(BoardEntry.WHOLE_BOARD);
    }

    public boolean kafkaUp() {
        return kafkaUp;
    }

    /** The latest first, 500 at most, as every instance shows them. */
    public List<Incident> incidents() {
        return board.incidents();
    }

    private record Observation(String health, boolean up, Instant since) {
    }
}
