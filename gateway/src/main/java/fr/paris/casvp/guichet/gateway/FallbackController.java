package fr.paris.casvp.guichet.gateway;

import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptState;
import fr.paris.casvp.guichet.gateway.intake.Intake;
import fr.paris.casvp.guichet.gateway.intake.TokenAgent;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker forwards when its service cannot answer (open breaker, refused connection, time-out,
 * 5xx). Answers every HTTP method: a fallback that only knew GET would turn a failed POST into a 405.
 *
 * <p>Degraded intake (issue #8): a command that files an application with a benefit ({@code guichet.services.<benefit>.intake})
 * is queued on {@code intake.<benefit>.v1} and answered 202 with a receipt; it needs an {@code Idempotency-Key}. When
 * Kafka cannot take it either, 503 {@code urn:guichet:problem:capture-offline}: the counter captures it offline. Any
 * other request: 503 naming the benefit, saying that applications are still accepted.
 */
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);
    /** Seconds before trying again: a service that cannot answer, and one that only has too much to do. */
    private static final String UNAVAILABLE_RETRY = "30";
    private static final String BUSY_RETRY = "1";

    /**
     * The person's birth date (ISO), which the counter sends with an application: the receipt of one that is queued can
     * then be followed on the public page at once. The gateway only computes that check from it (the service, which
     * knows the birth date anyway, ignores the header).
     */
    static final String BIRTH_DATE_HEADER = "Guichet-Birth-Date";

    private final GuichetServices services;
    private final Intake intake;

    FallbackController(GuichetServices services, Intake intake) {
        this.services = services;
        this.intake = intake;
    }

    record Queued(ReceiptView receipt, boolean degraded, String message) {
    }

    record ReceiptView(String number, String receivedAt, String status) {
    }

    @RequestMapping("/fallback/{service}")
    Mono<ResponseEntity<?>> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        GuichetServices.Service known = services.services().get(service);
        String label = known == null ? service : known.label();
        String method = exchange.getRequest().getMethod().name();
        String path = exchange.<String>getAttribute(OriginalPathFilter.ATTRIBUTE);
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (!(cause instanceof BulkheadFullException)) {
            // (A full bulkhead is not logged: under a peak it would write a line per refusal; the HTTP metrics count them.)
            log.warn("{} {} could not reach {}: {}", method, path, service, cause == null ? "no cause given" : cause.toString());
        }
        boolean queues = known != null && known.queues(method, path == null ? "" : path.split("\\?")[0]);
        if (cause instanceof BulkheadFullException && !queues) {
            // Load shed, not an outage: the service already has all the calls it can take; try again in a moment.
            return Mono.just(problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_BUSY, "Service busy",
                    label + " is serving as many requests as it can at once: try again in a second.", service, path, BUSY_RETRY));
        }
        if (!queues) {
            boolean queued = known != null && !known.intake().isEmpty();
            ResponseEntity<?> unavailable = problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
                    "Service unavailable", label + " is unavailable for the moment" + (queued
                            ? "; its applications are still accepted (they are queued and given a receipt)" : "")
                            + "; the other services keep working. See /api/status.", service, path, UNAVAILABLE_RETRY);
            // What the agent reads, as the counter says it.
            ((ProblemDetail) unavailable.getBody()).setProperty("message", label + " : service momentanément indisponible."
                    + (queued ? " Les demandes restent reçues, avec un récépissé, et seront traitées dès son retour."
                    : " Réessayez dans quelques instants ; les autres services fonctionnent normalement."));
            return Mono.just(unavailable);
        }
        String key = exchange.getRequest().getHeaders().getFirst("Idempotency-Key");
        UUID idempotencyKey;
        try {
            idempotencyKey = UUID.fromString(key == null ? "" : key.trim());
        } catch (IllegalArgumentException e) {
            ProblemDetail invalid = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Every command needs an "
                    + "Idempotency-Key header: a new UUID per command, the same one when it is sent again.");
            invalid.setType(ProblemTypes.VALIDATION);
            invalid.setTitle("Invalid request");
            invalid.setProperty("errors", List.of(Map.of("field", "Idempotency-Key", "pointer", "#/Idempotency-Key",
                    "detail", "is required: a UUID")));
            return Mono.just(ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(invalid));
        }
        String body = cachedBody(exchange);
        String requestPath = path.split("\\?")[0];
        LocalDate birthDate = birthDate(exchange.getRequest().getHeaders().getFirst(BIRTH_DATE_HEADER));
        return exchange.getPrincipal()
                .cast(JwtAuthenticationToken.class)
                .map(TokenAgent::of)
                .flatMap(agent -> intake.queue(service, method, requestPath, idempotencyKey, body, agent, birthDate))
                .<ResponseEntity<?>>map(receipt -> ResponseEntity.accepted().contentType(MediaType.APPLICATION_JSON)
                        .body(queued(receipt, label)))
                .onErrorResume(e -> {
                    log.error("{} {} could not be queued either: {}", method, path, e.toString());
                    return Mono.just(problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.CAPTURE_OFFLINE, "Capture offline",
                            label + " and the queue are both unavailable: capture the application offline and send it "
                                    + "again later with the same Idempotency-Key.", service, path, UNAVAILABLE_RETRY));
                });
    }

    /** The person's birth date, as the counter read it from their file; null when absent or not a date. */
    static LocalDate birthDate(String header) {
        try {
            return header == null || header.isBlank() ? null : LocalDate.parse(header.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The body that {@code CacheRequestBody} kept: decoded, or still the buffer the route forwarded. */
    private static String cachedBody(ServerWebExchange exchange) {
        Object cached = exchange.getAttribute(ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR);
        if (cached instanceof DataBuffer buffer) {
            return buffer.toString(buffer.readPosition(), buffer.readableByteCount(), StandardCharsets.UTF_8);
        }
        return cached == null ? "" : cached.toString();
    }

    private static Queued queued(ReceiptState receipt, String label) {
        return new Queued(new ReceiptView(receipt.number(), receipt.receivedAt().toString(), receipt.status()), true,
                label + " : service momentanément indisponible. La demande est enregistrée le "
                        + ParisTime.dayAndTimeInWords(receipt.receivedAt()) + " (date de réception faisant foi) et sera traitée dès son retour.");
    }

    private static ResponseEntity<?> problem(HttpStatus status, URI type, String title, String detail, String service, String path,
                                             String retryAfter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        problem.setProperty("service", service);
        if (path != null) {
            problem.setInstance(URI.create(path));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).header("Retry-After", retryAfter).body(problem);
    }
}
