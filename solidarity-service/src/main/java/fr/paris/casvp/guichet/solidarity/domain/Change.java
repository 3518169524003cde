package fr.paris.casvp.guichet.solidarity.domain;

import fr.paris.casvp.guichet.contracts.solidarity.SolidarityEvent.Transition;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One step of a Paris Solidarité file, as it is recorded in the application's history and published on
 * {@code solidarity.events.v1}: on the application itself ({@code fileId} = {@code applicationId}) or on its grant.
 *
 * @param agent         who did it, as the history names them; null for the service (a change of situation, a reminder)
 * @param detail        what the history says of it, for the agents
 * @param effectiveFrom from when a grant's change applies
 * @param receivedAt    when the application was received (null for a change of a grant)
 */
public record Change(UUID fileId, String fileNumber, UUID applicationId, UUID beneficiaryId, String section,
                     Transition transition, String status, BigDecimal monthlyAmount, LocalDate firstMonth,
                     LocalDate lastMonth, LocalDate effectiveFrom, List<String> reasonCodes, Instant receivedAt, Instant at,
                     String agent, String detail) {
}
