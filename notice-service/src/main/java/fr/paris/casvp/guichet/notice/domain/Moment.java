package fr.paris.casvp.guichet.notice.domain;

import java.util.Map;
import java.util.Optional;

/**
 * The steps of a file that a person is told about: received (also a queued application, once its service has it),
 * decided either way, paid, a monthly allowance whose amount changed (a revalued figure, a new situation), and for a
 * pass loaded on the card or not. Every other step (examined, documents updated...) is not worth a message.
 */
public enum Moment {
    RECEIVED, GRANTED, REFUSED, PAID, AMOUNT_CHANGED, PASS_LOADED, PASS_NOT_LOADED;

    private static final Map<Benefit, Map<String, Moment>> TRANSITIONS = Map.of(
            Benefit.AID, Map.of("RECEIVED", RECEIVED, "GRANTED", GRANTED, "REFUSED", REFUSED, "PAID", PAID),
            Benefit.SOLIDARITY, Map.of("APPLICATION_RECEIVED", RECEIVED, "GRANTED", GRANTED, "REFUSED", REFUSED,
                    "AMOUNT_RECOMPUTED", AMOUNT_CHANGED),
            Benefit.TRANSPORT, Map.of("REQUESTED", RECEIVED, "GRANTED", GRANTED, "REFUSED", REFUSED,
                    "ACTIVATED", PASS_LOADED, "ORDER_REJECTED", PASS_NOT_LOADED));

    /** The moment a benefit's transition is told as; empty when it is not told. */
    public static Optional<Moment> of(Benefit benefit, String transition) {
        return Optional.ofNullable(TRANSITIONS.get(benefit).get(transition));
    }
}
