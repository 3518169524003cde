package fr.paris.casvp.guichet.web;

import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/** Turns Jackson's path of a bad value into {@code address.postcode} or {@code members[1].birthDate}. */
final class DatabindPaths {

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
