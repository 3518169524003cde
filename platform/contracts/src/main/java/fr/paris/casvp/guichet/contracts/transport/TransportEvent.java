package fr.paris.casvp.guichet.contracts.transport;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A step of a Navigo pass for seniors and disabled people on {@code transport.events.v1} (key = the beneficiary's
 * pseudonym): pseudonym only, no name, NIR, income tax, card number or free text. Event type {@link #typeOf}; schema
 * {@code schemas/transport-event.v1.json}.
 *
 * @param annualParticipation the participation due for the year (0 when free); null before the decision
 */
public record TransportEvent(UUID passId, String passNumber, String beneficiary, String section, Transition transition,
                             String status, String product, String zones, LocalDate validFrom, LocalDate validUntil,
                             BigDecimal annualParticipation, List<String> reasonCodes, Instant receivedAt, Instant occurredAt) {

    public static final String TYPE_PREFIX = "fr.paris.casvp.guichet.transport.pass.";

    public enum Transition {
        REQUESTED, GRANTED, REFUSED, ORDERED, ACTIVATED, ORDER_REJECTED, PARTICIPATION_PAID, RENEWAL_DUE, RENEWED, EXPIRED,
        CANCELLED
    }

    /** e.g. {@code fr.paris.casvp.guichet.transport.pass.activated.v1} */
    public static String typeOf(Transition transition) {
        return TYPE_PREFIX + transition.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".v1";
    }
}
