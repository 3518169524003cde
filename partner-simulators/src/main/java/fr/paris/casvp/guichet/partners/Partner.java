package fr.paris.casvp.guichet.partners;

import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A partner as Guichet's documents describe it: it reads the orders of one topic and answers each on another.
 */
interface Partner {

    /**
     * Where a partner reads and answers, as the document says.
     *
     * @param principal  its Kafka principal, also its consumer group (docs/partners.md, "Getting access")
     * @param orders     the topic of the orders it reads
     * @param answers    the topic it answers on
     * @param answerType the {@code ce_type} of its answers
     */
    record Route(String principal, String orders, String answers, String answerType) {
    }

    Route route();

    /**
     * Its answer to an order, or null when the order cannot be answered (no order id: there is nothing to name in an
     * answer). The same order always gets the same answer, but for its time: a redelivered order is answered again
     * under the same event id, which Guichet applies once.
     */
    ObjectNode answer(JsonNode order, Instant now);
}
