package fr.paris.casvp.guichet.contracts.housing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A step of a Paris Logement file on {@code housing.events.v1} (key = the beneficiary's pseudonym): pseudonym only, no
 * name, NIR, address, resources, rent, IBAN or free text. Event type {@link #typeOf}; schema
 * {@code schemas/housing-event.v1.json}.
 *
 * @param variant       the allowance granted (RM II 2.1, III 2.1, IV 2.1 to 2.3); null before a grant
 * @param monthlyAmount the amount paid each month of the grant; null before a grant
 */
public record HousingEvent(UUID fileId, String fileNumber, String beneficiary, String section, Transition transition,
                           String status, String variant, BigDecimal monthlyAmount, LocalDate validFrom, LocalDate validUntil,
                           List<String> reasonCodes, Instant receivedAt, Instant occurredAt) {

    public static final String TYPE_PREFIX = "fr.paris.casvp.guichet.housing.file.";

    public enum Transition { RECEIVED, EXAMINED, GRANTED, REFUSED }

    /** e.g. {@code fr.paris.casvp.guichet.housing.file.granted.v1} */
    public static String typeOf(Transition transition) {
        return TYPE_PREFIX + transition.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".v1";
    }
}
