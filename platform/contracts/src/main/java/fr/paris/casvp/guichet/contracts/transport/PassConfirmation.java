package fr.paris.casvp.guichet.contracts.transport;

import fr.paris.casvp.guichet.contracts.OrderAnswer;
import fr.paris.casvp.guichet.contracts.PartnerAnswerChecks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The transport operator's answer to a {@link PassOrder}, on {@code transport.pass-confirmations.v1}: the right is
 * loaded on the card (or cancelled), or the order is rejected with a reason (unknown card...). Event type {@link #TYPE};
 * schema {@code schemas/transport-pass-confirmation.v1.json}.
 *
 * <p>The service applies a confirmation only when it matches its order ({@link #mismatches}): the pass number of the
 * order, a time after the order and not in the future. {@code passNumber} is optional in the schema (added after v1's
 * first release), but a confirmation without it cannot be checked and is parked, never applied.
 *
 * @param passNumber the order's pass number, as ordered
 */
public record PassConfirmation(UUID orderId, String passNumber, Status status, String reason, Instant at) implements OrderAnswer {

    public static final String TYPE = "fr.paris.casvp.guichet.transport.pass-confirmation.v1";

    public enum Status { DONE, REJECTED }

    /** What does not match the order this confirmation answers (empty when it may be applied). */
    public List<String> mismatches(String orderedPassNumber, Instant orderedAt, Instant now) {
        List<String> mismatches = new ArrayList<>();
        PartnerAnswerChecks.same("pass number", passNumber, orderedPassNumber, mismatches);
        PartnerAnswerChecks.plausibleTime("done", at, orderedAt, now, mismatches);
        return mismatches;
    }
}
