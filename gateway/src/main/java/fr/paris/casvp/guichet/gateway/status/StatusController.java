package fr.paris.casvp.guichet.gateway.status;

import fr.paris.casvp.guichet.contracts.ProblemTypes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/status}: service by service, what works now, since when, the queue, the supervisor's messages;
 * {@code PUT /api/status/message} (SUPERVISOR); {@code GET /api/status/incidents}; {@code GET /statut}: the French page
 * for the waiting-room screen. Answered by the gateway alone.
 */
@RestController
class StatusController {

    private final ServiceHealthMonitor monitor;
    private final Clock clock;

    StatusController(ServiceHealthMonitor monitor, Clock clock) {
        this.monitor = monitor;
        this.clock = clock;
    }

    record StatusBoard(Instant at, String message, boolean queueAvailable, List<ServiceState> services) {
    }

    /** @param service a service's name, or null for the whole board; an empty message clears it */
    record MessageRequest(String service, String message) {
    }

    @GetMapping("/api/status")
    StatusBoard status() {
        return new StatusBoard(clock.instant(), monitor.generalMessage(), monitor.kafkaUp(), monitor.states());
    }

    @GetMapping("/api/status/incidents")
    List<ServiceHealthMonitor.Incident> incidents() {
        return monitor.incidents();
    }

    @PutMapping("/api/status/message")
    Mono<ResponseEntity<?>> message(@RequestBody MessageRequest request, ServerWebExchange exchange) {
        return exchange.getPrincipal().cast(JwtAuthenticationToken.class).flatMap(token -> {
            if (request.service() != null && monitor.states().stream().noneMatch(s -> s.name().equals(request.service()))
                    || request.message() != null && request.message().length() > 500) {
                ProblemDetail invalid = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid message.");
                invalid.setType(ProblemTypes.VALIDATION);
                invalid.setTitle("Invalid request");
                invalid.setProperty("errors", List.of(Map.of("field", request.service() == null ? "message" : "service",
                        "detail", "service: one of the board's services, or none; message: at most 500 characters")));
                return Mono.just(ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(invalid));
            }
            // Written to Kafka for every instance of the gateway: not on the web server's threads.
            return Mono.fromCallable(() -> {
                try {
                    monitor.message(request.service(), request.message(), token.getName());
                    return ResponseEntity.ok(status());
                } catch (IllegalStateException notRecorded) {
                    ProblemDetail unavailable = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                            "The message could not be recorded (Kafka does not answer): it is shown nowhere. Try again later.");
                    unavailable.setType(ProblemTypes.SERVICE_UNAVAILABLE);
                    unavailable.setTitle("Message not recorded");
                    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                            .<Object>body(unavailable);
                }
            }).subscribeOn(Schedulers.boundedElastic());
        });
    }

    @GetMapping(value = "/statut", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<ClassPathResource> page() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(new ClassPathResource("statut.html"));
    }
}
