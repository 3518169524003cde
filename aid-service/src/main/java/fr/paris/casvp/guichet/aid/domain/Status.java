package fr.paris.casvp.guichet.aid.domain;

import java.util.Set;

/** Where an application stands. */
public enum Status {
    RECEIVED, UNDER_EXAMINATION, GRANTED, REFUSED, APPEALED, PAYMENT_ORDERED, PAID, PAYMENT_FAILED, LAPSED;

    /** An application that still waits for a decision: it lapses if its file stays incomplete (RM I/B art. 3). */
    public static final Set<Status> PENDING = Set.of(RECEIVED, UNDER_EXAMINATION);

    /** Decided and granted: the grant counts in the household's cap. */
    public static final Set<Status> GRANTED_STATES = Set.of(GRANTED, PAYMENT_ORDERED, PAID, PAYMENT_FAILED);
}
