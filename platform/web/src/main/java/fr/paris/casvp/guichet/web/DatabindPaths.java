package fr.paris.casvp.guichet.web;

import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;

/** Turns Jackson's path of a bad value into {@code address.postcode} or {@code members[1].birthDate}. */
public final class DatabindPaths {

    private DatabindPaths() {
    }

    /** The Jackson error behind a failure to read a request body, if there is one. */
    static DatabindException find(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabindException databind) {
                return databind;
            }
        }
        return null;
    }

    /**
     * The bad field of a body Jackson could not read, and why in words an agent acts on; null when Jackson could not
     * tell which field (the body is not JSON at all).
     */
    public static FieldError fieldError(DatabindException exception) {
        if (exception.getPath().isEmpty()) {
            return null;
        }
        String why = exception instanceof StrictJson.UnsafeTextException ? "contains a control or invisible formatting character"
                : exception instanceof StrictJson.TextTooLongException ? "too long: at most " + StrictJson.MAX_TEXT + " characters"
                : exception instanceof InvalidNullException ? "must not be null" : "wrong type or format";
        return FieldError.of(fieldPath(exception), why);
    }

    static String fieldPath(DatabindException exception) {
        return exception.getPath().stream()
                .map(DatabindPaths::segment)
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String segment(JacksonException.Reference reference) {
        return reference.getPropertyName() != null ? reference.getPropertyName() : "[" + reference.getIndex() + "]";
    }
}
