package fr.paris.casvp.guichet.contracts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The checks a partner's answer (a payment or pass confirmation) passes against the order it answers, each adding what
 * does not match to a list: a forged answer, or one sent by mistake, is parked with the reasons and changes nothing.
 */
public final class PartnerAnswerChecks {

    /** Clocks of a partner and of the service may differ by this much. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private PartnerAnswerChecks() {
    }

    /** The answer repeats the order's {@code what} (its reference, its pass number...). */
    public static void same(String what, Object answered, Object ordered, List<String> mismatches) {
        if (answered == null) {
            mismatches.add("no " + what + ": it cannot be checked against the order");
        } else if (!Objects.equals(answered, ordered)) {
            mismatches.add(what + " " + answered + " is not the order's (" + ordered + ")");
        }
    }

    /** The answer's time ({@code what}: "settled", "done") is after the order and not in the future. */
    public static void plausibleTime(String what, Instant at, Instant orderedAt, Instant now, List<String> mismatches) {
        if (at == null) {
            mismatches.add("no time");
        } else if (at.isBefore(orderedAt.minus(CLOCK_SKEW))) {
            mismatches.add(what + " at " + at + ", before the order (" + orderedAt + ")");
        } else if (at.isAfter(now.plus(CLOCK_SKEW))) {
            mismatches.add(what + " at " + at + ", in the future");
        }
    }
}
