package fr.paris.casvp.guichet.solidarity.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * What a month's payment run did so far: every grant of the month, what was ordered (and its total), what was skipped
 * and why, what the treasury paid or failed.
 *
 * @param status RUNNING or COMPLETED
 */
public record PaymentRunReport(String month, String status, Instant startedAt, String startedBy, Instant completedAt,
                               long grants, long processed, long ordered, BigDecimal orderedTotal, long skipped,
                               Map<String, Long> skippedByReason, long paid, long failed) {
}
