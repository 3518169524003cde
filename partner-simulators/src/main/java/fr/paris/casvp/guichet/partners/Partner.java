package fr.paris.casvp.guichet.partners;

import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A partner as Guichet's documents describe it: it reads the orders of one topic and answers each on another.
 */
interface Partner {

    /** Its Kafka principal, also its consumer group (docs/partners.md, "Credentials"). */
    String principal();

    /** The topic of the orders it reads. */
    String orders();

    /** The topic it answers on. */
    String answers();

    /** The {@code ce_type} of its answers. */
    String answerType();

    /**
     * Its answer to an order, or null when the order cannot be answered (no order id: there is nothing to name in an
     * answer). The same order always gets the same answer, but for its time: a redelivered order is answered again
     * under the same event id, which Guichet applies once.
     */
    ObjectNode answer(JsonNode order, Instant now);
}
