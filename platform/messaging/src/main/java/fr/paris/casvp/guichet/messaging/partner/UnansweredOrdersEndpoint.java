package fr.paris.casvp.guichet.messaging.partner;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * For operators: {@code GET /actuator/partnerorders} lists, per partner, the orders unanswered past the agreed answer
 * time (order id, reference, when ordered: no personal data).
 */
@Endpoint(id = "partnerorders")
public class UnansweredOrdersEndpoint {

    private final UnansweredOrders orders;

    public UnansweredOrdersEndpoint(UnansweredOrders orders) {
        this.orders = orders;
    }

    @ReadOperation
    public Map<String, Object> partnerOrders() {
        return orders.report();
    }
}
