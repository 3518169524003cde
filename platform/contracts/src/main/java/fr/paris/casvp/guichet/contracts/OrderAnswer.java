package fr.paris.casvp.guichet.contracts;

import java.util.UUID;

/**
 * A partner's answer to one of Guichet's orders (a payment, a pass): which order, and how it went. Without either, the
 * record cannot be applied and goes to the dead-letter topic.
 */
public interface OrderAnswer {

    UUID orderId();

    Enum<?> status();
}
