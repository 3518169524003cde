package fr.paris.casvp.guichet.messaging.outbox;

/** The broker did not acknowledge an event; those before it in the round were published. */
public class OutboxPublicationException extends RuntimeException {

    private final int published;

    OutboxPublicationException(int published, Throwable cause) {
        super("Outbox publication stopped after " + published + " event(s)", cause);
        this.published = published;
    }

    public int published() {
        return published;
    }
}
