package fr.paris.casvp.guichet.notice.domain;

import java.util.Map;
import java.util.Optional;

/**
 * The steps of a file that a person is told about: received (also a queued application, once its service has it),
 * decided either way, paid, and for a pass loaded on the card or not. Every other step (examined, documents updated,
 * monthly amounts...) is not worth a message.
 */
public enum Moment {
    RECEIVED, GRANTED, REFUSED, PAID, PASS_LOADED, PASS_NOT_LOADED;

    private static final Map<Benefit, Map<String, Moment>> TRANSITIONS = Map.of(
            Benefit.AID, Map.of("RECEIVED", RECEIVED, "GRANTED", GRANTED, "REFUSED", REFUSED, "PAID", PAID),
            Benefit.SOLIDARITY, Map.of("APPLICATION_RECEIVED", RECEIVED, "GRANTED", GRANTED, "REFUSED", REFUSED),
            Benefit.TRANSPORT, Map.of("REQUESTED", RECEIVED, "GRANTED", GRANTED, "REFUSED", REFUSED,
                    "ACTIVATED", PASS_LOADED, "ORDER_REJECTED", PASS_NOT_LOADED));

    /** The moment a benefit's transition is told as; empty when it is not told. */
    public static Optional<Moment> of(Benefit benefit, String transition) {
        return Optional.ofNullable(TRANSITIONS.get(benefit).get(transition));
    }
}
