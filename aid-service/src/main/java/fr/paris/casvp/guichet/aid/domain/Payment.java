package fr.paris.casvp.guichet.aid.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One payment order of a grant to the treasury; a failed payment is ordered again (a new attempt) once the payee is
 * corrected.
 *
 * @param reference the application's number and the attempt, e.g. {@code AE-2026-000042-1}: what the treasury repeats
 */
public record Payment(UUID id, UUID applicationId, int attempt, String reference, Payee payee, BigDecimal amount,
                      State state, String failureReason, Instant orderedAt, Instant settledAt) {

    public enum State { ORDERED, PAID, FAILED }
}
