package fr.paris.casvp.guichet.messaging.consumer;

/** A record without {@code ce_id} cannot be deduplicated: it is sent to the dead-letter topic without retries. */
public class MissingEventIdException extends RuntimeException {

    MissingEventIdException(String topic, int partition, long offset) {
        super("Record " + topic + "-" + partition + "@" + offset + " has no ce_id header");
    }
}
