package fr.paris.casvp.guichet.aid.domain;

import java.time.Instant;

/** A corrected payee proposed after a failed payment, waiting for a second agent of the section to confirm it. */
public record PayeeChange(Payee payee, String proposedBy, Instant proposedAt) {
}
