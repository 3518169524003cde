package fr.paris.casvp.guichet.messaging.command;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 422: an idempotency key already used for another request. */
public class IdempotencyKeyReusedException extends ErrorResponseException {

    static final URI TYPE = URI.create("urn:guichet:problem:idempotency-key-reused");

    IdempotencyKeyReusedException(UUID key) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(key), null);
    }

    private static ProblemDetail problem(UUID key) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "The Idempotency-Key " + key + " was already used for another request: make a new key for each command.");
        problem.setType(TYPE);
        problem.setTitle("Idempotency key reused");
        return problem;
    }
}
