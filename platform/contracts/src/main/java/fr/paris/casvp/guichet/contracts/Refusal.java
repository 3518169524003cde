package fr.paris.casvp.guichet.contracts;

import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rule refuses a step: the file is not in a state for it, a four-eyes rule, a cap, an unknown beneficiary. Plain
 * Java, so that the domain objects that guard the rules throw it without knowing HTTP: the web layer answers it as an
 * RFC 9457 problem of its {@link Kind}'s status ({@code ProblemDetailsHandler}), the intake records it as the reason a
 * queued command was rejected. {@code members} are the problem's extra members (what remains of a cap, the status...).
 */
public class Refusal extends RuntimeException {

    /** What kind of refusal, and the HTTP status that says it. */
    public enum Kind {
        /** The agent may not do this (role, section, four-eyes). */
        FORBIDDEN(403),
        /** No such thing. */
        NOT_FOUND(404),
        /** Not possible in the state the thing is in. */
        CONFLICT(409),
        /** Well formed, but a rule of the benefit refuses it. */
        UNPROCESSABLE(422);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final URI type;
    private final String title;
    private final Map<String, Object> members = new LinkedHashMap<>();

    public Refusal(Kind kind, URI type, String title, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
        this.type = type;
        this.title = title;
    }

    /** 404: no such file ({@code what}, e.g. "No application 42."). */
    public static Refusal notFound(String detail) {
        return new Refusal(Kind.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", detail);
    }

    /** 403: the four-eyes rule (who filed or examined a file does not decide it...), saying who must act instead. */
    public static Refusal fourEyes(String detail) {
        return new Refusal(Kind.FORBIDDEN, ProblemTypes.FOUR_EYES, "Four-eyes rule", detail);
    }

    /**
     * 409: the file is not in a state where this step is possible; {@code status} says where it stands.
     *
     * @param file how the detail names the file, e.g. "The application AE-2026-000042"
     */
    @SafeVarargs
    public static <S extends Enum<S>> Refusal notPossibleNow(String file, S status, S... allowed) {
        return new Refusal(Kind.CONFLICT, ProblemTypes.INVALID_TRANSITION, "Not possible now",
                file + " is " + status + "; this step needs it to be "
                        + String.join(" or ", Arrays.stream(allowed).map(Enum::name).toList()) + ".")
                .with("status", status.name());
    }

    /** Adds a member to the problem, e.g. {@code remaining} for a cap. */
    public Refusal with(String name, Object value) {
        members.put(name, value);
        return this;
    }

    public Kind kind() {
        return kind;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> members() {
        return Collections.unmodifiableMap(members);
    }
}
