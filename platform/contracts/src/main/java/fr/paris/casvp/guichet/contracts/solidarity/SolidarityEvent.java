package fr.paris.casvp.guichet.contracts.solidarity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A step of a Paris Solidarité file (an application, then its grant) on {@code solidarity.events.v1} (key = the
 * beneficiary's pseudonym). Partners read it: pseudonym only, no name, NIR, resources, IBAN or free text. Event type
 * {@link #typeOf(Transition)}; schema {@code schemas/solidarity-event.v1.json}.
 *
 * @param fileNumber    the application's number ({@code PS-2026-000123}), then the grant's ({@code PSG-2026-000045})
 * @param applicationNumber the application's number on every step, the grant's included: the number the person was
 *                      given on the receipt and reads in every letter and notice (added to v1 in December 2026: absent
 *                      from earlier events)
 * @param monthlyAmount the monthly amount computed (GRANTED, AMOUNT_RECOMPUTED), else null
 * @param firstMonth    the grant's first month (its first day); null before the grant
 * @param lastMonth     the grant's last month (its first day); null before the grant
 * @param effectiveFrom when a suspension, resumption or end takes effect (RM I/B art. 7-8)
 * @param reasonCodes   why (a refusal, a suspension, an end), stable codes
 */
public record SolidarityEvent(UUID fileId, String fileNumber, UUID applicationId, String applicationNumber, String beneficiary,
                              String section,
                              Transition transition, String status, BigDecimal monthlyAmount, LocalDate firstMonth,
                              LocalDate lastMonth, LocalDate effectiveFrom, List<String> reasonCodes, Instant receivedAt,
                              Instant occurredAt) {

    public static final String TYPE_PREFIX = "fr.paris.casvp.guichet.solidarity.";

    public enum Transition {
        APPLICATION_RECEIVED, EXAMINED, GRANTED, REFUSED, AMOUNT_RECOMPUTED, SUSPENDED, RESUMED, ENDED, RENEWAL_DUE
    }

    /** e.g. {@code fr.paris.casvp.guichet.solidarity.granted.v1} */
    public static String typeOf(Transition transition) {
        return TYPE_PREFIX + transition.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".v1";
    }
}
