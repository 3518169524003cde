package fr.paris.casvp.guichet.contracts.aid;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A step in the life of an application for exceptional aid (allocation exceptionnelle), on {@code aid.events.v1}
 * (key = the beneficiary's pseudonym). Partners read it: it names the beneficiary by pseudonym only and carries no
 * name, NIR, IBAN or free text. Event type {@link #typeOf(Transition)}; schema
 * {@code schemas/aid-application-event.v1.json}.
 *
 * @param applicationNumber the application's readable number, e.g. {@code AE-2026-000123}
 * @param beneficiary       the beneficiary's pseudonymous id
 * @param status            the application's status after this step
 * @param amount            requested (RECEIVED), proposed (EXAMINED), granted (GRANTED, PAYMENT_*, PAID); else null
 * @param reasonCode        the refusal's code (REFUSED), or the payment failure's reason (PAYMENT_FAILED); else null
 * @param receivedAt        the reception time, which opens the rights (RM I/B art. 3)
 */
public record AidApplicationEvent(UUID applicationId, String applicationNumber, String beneficiary, String section,
                                  Transition transition, String status, String category, BigDecimal amount,
                                  String reasonCode, Instant receivedAt, Instant occurredAt) {

    public static final String TYPE_PREFIX = "fr.paris.casvp.guichet.aid.application.";

    public enum Transition {
        RECEIVED, DOCUMENTS_UPDATED, EXAMINED, GRANTED, REFUSED, APPEALED, PAYMENT_ORDERED, PAID, PAYMENT_FAILED, LAPSED
    }

    /** e.g. {@code fr.paris.casvp.guichet.aid.application.granted.v1} */
    public static String typeOf(Transition transition) {
        return TYPE_PREFIX + transition.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".v1";
    }
}
