package fr.paris.casvp.guichet.partners;

import java.time.Instant;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The treasury: pays each payment order of {@code payment-orders.v2}, and answers on {@code payment-confirmations.v2}
 * (version 2 of the contract: amounts as decimal strings, {@code "400.00"}, repeated as they were ordered; Guichet writes
 * each order in version 1 too, which this treasury does not read: one version is read, so each order is paid once).
 * An order to a closed account fails (ISO 20022 reason {@code AC04}), and so does a share of the others, chosen by the
 * order id (the same order always fails or always pays), to see the failures' path.
 *
 * @param closedAccounts the IBANs of the closed accounts
 * @param failurePercent the share of the other orders that fail, 0 to 100
 */
record Treasury(Set<String> closedAccounts, int failurePercent, JsonMapper json) implements Partner {

    static final Route ROUTE = new Route("treasury", "payment-orders.v2", "payment-confirmations.v2",
            "fr.paris.casvp.guichet.payment.confirmation.v2");

    static final String CLOSED_ACCOUNT = "AC04 compte clos";
    static final String REFUSED_BY_BANK = "AM05 refusé par la banque du bénéficiaire";
    static final String UNREADABLE = "FF01 ordre incomplet";

    Treasury {
        if (failurePercent < 0 || failurePercent > 100) {
            throw new IllegalArgumentException("the share of failed payments is a percentage, not " + failurePercent);
        }
        closedAccounts = Set.copyOf(closedAccounts);
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
        // The order's reference and amount, repeated: Guichet checks them against its order.
        if (order.hasNonNull("reference")) {
            confirmation.put("reference", order.get("reference").asString());
        }
        boolean amount = order.path("amount").isString();
        if (amount) {
            confirmation.put("amount", order.get("amount").asString());
        }
        String iban = order.path("payee").path("iban").asString(null);
        String failure = iban == null || !amount ? UNREADABLE
                : closedAccounts.contains(iban) ? CLOSED_ACCOUNT
                : Shares.of(orderId) < failurePercent ? REFUSED_BY_BANK
                : null;
        confirmation.put("status", failure == null ? "PAID" : "FAILED");
        if (failure != null) {
            confirmation.put("reason", failure);
        }
        return confirmation.put("settledAt", now.toString());
    }
}
