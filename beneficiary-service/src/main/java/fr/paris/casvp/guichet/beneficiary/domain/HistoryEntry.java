package fr.paris.casvp.guichet.beneficiary.domain;

import java.time.Instant;
import java.util.List;

/** A version of a person's record: when, by whom, what operation, and which fields changed from what to what. */
public record HistoryEntry(long version, Instant changedAt, String changedBy, String operation, List<FieldChange> changes) {
}
