package fr.paris.casvp.guichet.transport.domain;

/** Where a Navigo pass stands. */
public enum PassStatus {
    /** Filed at the counter, waiting for the section director. */
    REQUESTED,
    REFUSED,
    /** Granted: the transport operator is asked to load it on the card. */
    ORDERED,
    /** The operator could not load it (unknown card...): the card number is corrected and the order sent again. */
    ORDER_REJECTED,
    /** Loaded on the card. */
    ACTIVE,
    EXPIRED,
    /** A newer pass renewed it. */
    RENEWED,
    CANCELLED
}
