package fr.paris.casvp.guichet.web;

import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Refusal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;

/**
 * Every error a service answers is an RFC 9457 problem ({@code application/problem+json}) with a stable {@code type}
 * from {@link ProblemTypes}. Validation reports every bad field at once: each command body checks itself (its
 * {@code errors()}, then {@link Fields#check}), rather than with bean-validation annotations, because the rules that
 * matter cross fields (a reason required for a refusal, a disaster's reference only for a disaster). No stack trace,
 * SQL or exception message of an unexpected error reaches the client.
 */
@RestControllerAdvice
public class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        if (ex instanceof MissingRequestHeaderException missing) {
            return validationProblem(new ArrayList<>(List.of(
                    FieldError.of(missing.getHeaderName(), "header required"))), headers);
        }
        return super.handleServletRequestBindingException(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : ex.getPropertyName();
        return validationProblem(new ArrayList<>(List.of(FieldError.of(String.valueOf(name), "wrong type or format"))), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setType(ProblemTypes.MALFORMED_REQUEST);
        problem.setTitle("Malformed request");
        DatabindException databind = DatabindPaths.find(ex);
        FieldError error = databind == null ? null : DatabindPaths.fieldError(databind);
        if (error != null) {
            problem.setDetail("The value of '" + error.field() + "': " + error.detail() + ".");
            problem.setProperty("errors", List.of(error));
        } else {
            problem.setDetail("The request body is missing or is not valid JSON.");
        }
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No resource at this address.");
        problem.setType(ProblemTypes.NOT_FOUND);
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).headers(headers).body(problem);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(ProblemTypes.REQUEST_REFUSED);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** A rule of a domain object refused the step: the problem it describes. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> handleRefusal(Refusal refusal) {
        ProblemException problem = ProblemException.of(refusal);
        return ResponseEntity.status(problem.getStatusCode()).body(problem.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
        return switch (Failures.classify(ex)) {
            case UNAVAILABLE -> {
                log.warn("Service unavailable: {}", ex.toString());
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                        "The service cannot complete requests for the moment (its database does not answer). Try again later.");
                problem.setType(ProblemTypes.SERVICE_UNAVAILABLE);
                problem.setTitle("Service unavailable");
                yield ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30").body(problem);
            }
            case UNSTORABLE_INPUT -> {
                log.info("Refused a value the database cannot store (SQLSTATE {})", Failures.sqlState(ex));
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                        "A value of the request cannot be recorded: too long, out of range, or with a character that is not allowed.");
                problem.setType(ProblemTypes.VALIDATION);
                problem.setTitle("Invalid request");
                yield ResponseEntity.badRequest().body(problem);
            }
            case DEFECT -> {
                log.error("Unexpected error", ex);
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                        "The service could not complete the request. It has been logged; try again, or report it with the time.");
                problem.setType(ProblemTypes.INTERNAL);
                problem.setTitle("Internal error");
                yield ResponseEntity.internalServerError().body(problem);
            }
        };
    }

    private static ResponseEntity<Object> validationProblem(List<FieldError> errors, HttpHeaders headers) {
        errors.sort(Comparator.comparing(FieldError::field));
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setType(ProblemTypes.VALIDATION);
        problem.setTitle("Invalid request");
        problem.setDetail(errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }
}
