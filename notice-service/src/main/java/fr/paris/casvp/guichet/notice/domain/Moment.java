package fr.paris.casvp.guichet.notice.domain;

import java.util.Optional;

/**
 * The steps of a file that a person is told about: received (also a queued application, once its service has it),
 * decided either way, paid, a monthly allowance whose amount changed (a revalued figure, a new situation), and for a
 * pass loaded on the card or not. Every other step (examined, documents updated...) is not worth a message. Which
 * transition of a benefit is told as which moment is declared with the benefit ({@code benefits.properties},
 * {@code <code>.notices}).
 */
public enum Moment {
    RECEIVED, GRANTED, REFUSED, PAID, AMOUNT_CHANGED, PASS_LOADED, PASS_NOT_LOADED;

    /** The moment a benefit's transition is told as; empty when it is not told. */
    public static Optional<Moment> of(Benefit benefit, String transition) {
        return Optional.ofNullable(benefit.declared().notices().get(transition)).map(Moment::valueOf);
    }
}
