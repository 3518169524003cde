package fr.paris.casvp.guichet.gateway;

import fr.paris.casvp.guichet.contracts.ProblemTypes;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker forwards when its service cannot answer (open breaker, refused connection, time-out,
 * 5xx). Answers every HTTP method: a fallback that only knew GET would turn a failed POST into a 405.
 */
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    private final GuichetServices services;

    FallbackController(GuichetServices services) {
        this.services = services;
    }

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        GuichetServices.Service known = services.services().get(service);
        String label = known == null ? service : known.label();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                label + " is unavailable for the moment; the other services keep working. See /api/status.");
        problem.setType(ProblemTypes.SERVICE_UNAVAILABLE);
        problem.setTitle("Service unavailable");
        problem.setProperty("service", service);
        originalPath(exchange).ifPresent(problem::setInstance);
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        log.warn("{} {} answered 503 for {}: {}", exchange.getRequest().getMethod(), problem.getInstance(), service,
                cause == null ? "no cause given" : cause.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", "30")
                .body(problem);
    }

    /** The path the client asked for, not the fallback's own. */
    private static Optional<URI> originalPath(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.<String>getAttribute(OriginalPathFilter.ATTRIBUTE)).map(URI::create);
    }
}
