package fr.paris.casvp.guichet.aid.domain;

import fr.paris.casvp.guichet.contracts.aid.AidApplicationEvent.Transition;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One step of an application's history: what happened, the status it left the application in, when, by whom (null for
 * the service itself or a partner) and a detail for the agents. {@code amount} and {@code reasonCode} go with the
 * step's event ({@code aid.events.v1}); {@code statusChanged} says whether the receipt must follow.
 */
public record Step(Transition transition, Status status, Instant at, String agent, String detail, BigDecimal amount,
                   String reasonCode, boolean statusChanged) {
}
