package fr.paris.casvp.guichet.notice.domain;

/** Where a notice stands: waiting to leave (maybe retried), handed to the relay, not to be sent, or given up. */
public enum Delivery {
    PENDING, SENT, SKIPPED, FAILED
}
