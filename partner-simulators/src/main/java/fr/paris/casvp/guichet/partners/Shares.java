package fr.paris.casvp.guichet.partners;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Picks a share of the orders the same way every time: an order's bucket, 0 to 99, from its id alone. */
final class Shares {

    private Shares() {
    }

    static int of(String orderId) {
        return Math.floorMod(UUID.nameUUIDFromBytes(orderId.getBytes(StandardCharsets.UTF_8)).getLeastSignificantBits(), 100);
    }
}
