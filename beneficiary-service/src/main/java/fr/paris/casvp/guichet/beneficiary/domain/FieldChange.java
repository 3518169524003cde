package fr.paris.casvp.guichet.beneficiary.domain;

/** A field of a person's record that changed, with its value before and after (as text, e.g. {@code address.city}). */
public record FieldChange(String field, String from, String to) {
}
