package fr.paris.casvp.guichet.aid.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A figure of the rules, in force from a date until the next one of the same name, and the text it comes from. */
public record DatedParameter(String name, LocalDate effectiveFrom, BigDecimal value, String source) {
}
