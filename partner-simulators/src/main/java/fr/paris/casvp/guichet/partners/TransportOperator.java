package fr.paris.casvp.guichet.partners;

import java.time.Instant;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The transport operator: loads (or cancels) the Navigo right of each order of {@code transport.pass-orders.v1} on its
 * card, and answers on {@code transport.pass-confirmations.v1}. An order to load a card it does not know is rejected.
 *
 * @param unknownCards the Navigo card numbers it does not know
 */
record TransportOperator(Set<String> unknownCards, JsonMapper json) implements Partner {

    static final Route ROUTE = new Route("transport-operator", "transport.pass-orders.v1",
            "transport.pass-confirmations.v1", "fr.paris.casvp.guichet.transport.pass-confirmation.v1");

    static final String UNKNOWN_CARD = "carte Navigo inconnue";
    static final String UNREADABLE = "ordre incomplet";

    TransportOperator {
        unknownCards = Set.copyOf(unknownCards);
    }

    @Override
    public Route route() {
        return ROUTE;
    }

    @Override
    public ObjectNode answer(JsonNode order, Instant now) {
        String orderId = order.path("orderId").asString(null);
        if (orderId == null) {
            return null;
        }
        ObjectNode confirmation = json.createObjectNode().put("orderId", orderId);
        if (order.hasNonNull("passNumber")) {
            confirmation.put("passNumber", order.get("passNumber").asString());
        }
        String action = order.path("action").asString("");
        String card = order.path("navigoCardNumber").asString(null);
        String rejection = card == null || !(action.equals("LOAD") || action.equals("CANCEL")) ? UNREADABLE
                : action.equals("LOAD") && unknownCards.contains(card) ? UNKNOWN_CARD
                : null;
        confirmation.put("status", rejection == null ? "DONE" : "REJECTED");
        if (rejection != null) {
            confirmation.put("reason", rejection);
        }
        return confirmation.put("at", now.toString());
    }
}
