package fr.paris.casvp.guichet.messaging.consumer;

import java.util.List;

/** A record without {@code ce_id} cannot be deduplicated: it is sent to the dead-letter topic without retries. */
public class MissingEventIdException extends RejectedRecordException {

    MissingEventIdException(String topic, int partition, long offset) {
        super(topic + "-" + partition + "@" + offset, List.of("no ce_id header: the record cannot be recognised if it comes again"));
    }
}
