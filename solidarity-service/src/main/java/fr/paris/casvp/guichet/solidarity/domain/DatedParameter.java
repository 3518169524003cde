package fr.paris.casvp.guichet.solidarity.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A figure of the rules, in force from a date until the next one of the same name: the text it comes from, who recorded
 * it and when.
 */
public record DatedParameter(String name, LocalDate effectiveFrom, BigDecimal value, String source, String recordedBy,
                             Instant recordedAt) {
}
