package fr.paris.casvp.guichet.messaging.partner;

/**
 * The orders a service sent a partner and still waits for an answer to, as the service declares them (a bean): the
 * partner's principal ({@code treasury}, {@code transport-operator}) and a query of its own tables that selects each
 * waiting order's {@code order_id}, {@code reference} and {@code ordered_at}. {@link UnansweredOrders} watches them.
 */
public record WaitingOrders(String partner, String sql) {
}
