package fr.paris.casvp.guichet.web;

import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Refusal;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A problem a service answers on purpose (conflict, precondition...), with its stable type and extra members. */
public class ProblemException extends ErrorResponseException {

    public ProblemException(HttpStatus status, URI type, String title, String detail) {
        super(status, problem(status, type, title, detail), null);
    }

    /** 400 with {@code errors} naming every bad field, as for bean validation. */
    public static ProblemException invalid(List<FieldError> errors) {
        ProblemException problem = new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION,
                "Invalid request", errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.");
        problem.getBody().setProperty("errors", errors);
        return problem;
    }

    /** The problem that answers a rule's refusal: its kind's status, type, title, detail and members. */
    public static ProblemException of(Refusal refusal) {
        ProblemException problem = new ProblemException(HttpStatus.valueOf(refusal.kind().status()), refusal.type(),
                refusal.title(), refusal.detail());
        refusal.members().forEach(problem::with);
        return problem;
    }

    /** Adds a member to the problem, e.g. the existing file of a duplicate. */
    public ProblemException with(String name, Object value) {
        getBody().setProperty(name, value);
        return this;
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
