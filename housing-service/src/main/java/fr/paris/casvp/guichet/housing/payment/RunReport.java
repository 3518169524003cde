package fr.paris.casvp.guichet.housing.payment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a month's payment run did: RUNNING until every grant of the month has its payment, then COMPLETED; how many
 * payments were ordered, for how much, and how many the treasury paid or failed so far.
 */
public record RunReport(String month, String status, String startedBy, Instant startedAt, Instant completedAt, int ordered,
                        BigDecimal orderedTotal, int paid, int failed) {
}
