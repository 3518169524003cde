package fr.paris.casvp.guichet.web;

import fr.paris.casvp.guichet.contracts.ParisTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The reception time of an application, which opens the rights (RM I/B art. 3): the one the agent gives (a request
 * captured offline), else the gateway's (a command it queued while the service was down), else now. Not in the future
 * (5 minutes of clock drift allowed), not older than {@code maxAgeMonths}.
 */
public final class ReceptionTime {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final ZoneId PARIS = ParisTime.ZONE;

    private ReceptionTime() {
    }

    /** The reception time to record; a bad one is added to {@code errors} as the field {@code receivedAt}. */
    public static Instant of(Instant given, Instant queuedAt, Instant now, int maxAgeMonths, List<FieldError> errors) {
        Instant receivedAt = given != null ? given : queuedAt != null ? queuedAt : now;
        if (receivedAt.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(FieldError.of("receivedAt", "is in the future"));
        } else if (receivedAt.isBefore(now.atZone(PARIS).minusMonths(maxAgeMonths).toInstant())) {
            errors.add(FieldError.of("receivedAt", "is more than " + maxAgeMonths + " months ago: an application captured "
                    + "offline is synced within days, and an incomplete one lapses after 2 months (RM I/B art. 3)"));
        }
        return receivedAt;
    }
}
