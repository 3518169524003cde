package fr.paris.casvp.guichet.gateway;

import fr.paris.casvp.guichet.contracts.ProblemTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's own errors (no route for the address, wrong method on {@code /api/status}...) are problems with the
 * same stable types as the services' ({@link ProblemTypes}).
 */
@RestControllerAdvice
class GatewayProblemDetails extends ResponseEntityExceptionHandler {

    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                                ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            if (status.value() == HttpStatus.NOT_FOUND.value()) {
                problem.setType(ProblemTypes.NOT_FOUND);
                problem.setDetail("No resource at this address.");
            } else {
                problem.setType(ProblemTypes.REQUEST_REFUSED);
            }
        }
        return super.createResponseEntity(body, headers, status, exchange);
    }
}
