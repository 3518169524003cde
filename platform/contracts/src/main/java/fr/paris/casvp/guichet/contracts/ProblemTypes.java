package fr.paris.casvp.guichet.contracts;

import java.net.URI;

/**
 * Stable problem types (RFC 9457 {@code type}) of every Guichet API: clients branch on them, never on the
 * human-readable text.
 */
public final class ProblemTypes {

    /** One or more fields are invalid; {@code errors} names each of them. */
    public static final URI VALIDATION = URI.create("urn:guichet:problem:validation");
    /** The body is not JSON, or a value has the wrong type or format. */
    public static final URI MALFORMED_REQUEST = URI.create("urn:guichet:problem:malformed-request");
    /** No such resource. */
    public static final URI NOT_FOUND = URI.create("urn:guichet:problem:not-found");
    /** Anything else the client cannot fix: no details are given out, the log has them. */
    public static final URI INTERNAL = URI.create("urn:guichet:problem:internal");
    /** Any other error raised by the framework (wrong method, media type...). */
    public static final URI REQUEST_REFUSED = URI.create("urn:guichet:problem:request-refused");
    /** No bearer token, or one that is expired, forged or of another issuer. */
    public static final URI UNAUTHENTICATED = URI.create("urn:guichet:problem:unauthenticated");
    /** The agent's role or section does not allow this. */
    public static final URI FORBIDDEN = URI.create("urn:guichet:problem:forbidden");
    /**
     * A dated figure the step would use is stale (its revaluation was due and none was recorded); {@code staleFigures}
     * names each; a supervisor may go on by confirming it explicitly.
     */
    public static final URI STALE_FIGURES = URI.create("urn:guichet:problem:stale-figures");
    /** The benefit's rule refuses the grant on the facts it reads (422); the problem names the reasons. */
    public static final URI NOT_ELIGIBLE = URI.create("urn:guichet:problem:not-eligible");
    /** The agent who filed or examined an application cannot decide it. */
    public static final URI FOUR_EYES = URI.create("urn:guichet:problem:four-eyes");
    /** The file (application, pass...) is not in a state where this step is possible; {@code status} says where it stands. */
    public static final URI INVALID_TRANSITION = URI.create("urn:guichet:problem:invalid-transition");
    /** The beneficiary is not (yet) in the service's copy of the registry; {@code field} names the request's field. */
    public static final URI BENEFICIARY_UNKNOWN = URI.create("urn:guichet:problem:beneficiary-unknown");
    /** The request is over one of the gateway's size limits (its body, URI or headers); {@code limit} says which. */
    public static final URI REQUEST_TOO_LARGE = URI.create("urn:guichet:problem:request-too-large");
    /** A rate limit was reached; {@code Retry-After} says when to try again. */
    public static final URI TOO_MANY_REQUESTS = URI.create("urn:guichet:problem:too-many-requests");
    /** The service behind the gateway cannot answer now; {@code service} names it. */
    public static final URI SERVICE_UNAVAILABLE = URI.create("urn:guichet:problem:service-unavailable");
    /**
     * The service is well but already serves all the requests it can at once (the gateway's bulkhead): refused at once
     * rather than queued; {@code Retry-After} says when to try again, {@code service} names it.
     */
    public static final URI SERVICE_BUSY = URI.create("urn:guichet:problem:service-busy");
    /**
     * A benefit's service and Kafka are both unavailable: the gateway cannot queue the command. The counter captures
     * it offline and sends it again later with the same idempotency key (the README's degraded modes).
     */
    public static final URI CAPTURE_OFFLINE = URI.create("urn:guichet:problem:capture-offline");

    /**
     * A captured application names a receipt number already received with another application, or an idempotency key
     * already sent with another number (409): nothing is queued, the number's own application is untouched; the agent
     * files it under another number. {@code errors} names the field.
     */
    public static final URI RECEIPT_ALREADY_USED = URI.create("urn:guichet:problem:receipt-already-used");

    /**
     * The application would repeat one the person already has (409): the same benefit still being examined, or a right
     * that still runs. {@code existing} names the application already there; where the rules allow a second one, the
     * request says it is meant ({@code confirmedRepeat}) and is then accepted.
     */
    public static final URI REPEAT_FILING = URI.create("urn:guichet:problem:repeat-filing");

    private ProblemTypes() {
    }
}
