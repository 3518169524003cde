package fr.paris.casvp.guichet.web;

/**
 * One bad field of a request, as listed in a problem's {@code errors}. The rejected value is never echoed: it may be
 * personal data.
 *
 * @param field   the field's path, e.g. {@code address.postcode}
 * @param pointer the same as a JSON Pointer into the request body, e.g. {@code #/address/postcode}
 * @param detail  what is wrong with it
 */
public record FieldError(String field, String pointer, String detail) {

    public static FieldError of(String field, String detail) {
        return new FieldError(field, "#/" + field.replace('.', '/').replaceAll("\\[(\\d+)]", "/$1"), detail);
    }
}
