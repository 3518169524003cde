package fr.paris.casvp.guichet.transport.domain;

import fr.paris.casvp.guichet.contracts.transport.TransportEvent.Transition;
import java.time.Instant;
import java.util.List;

/**
 * One step of a pass's history: what happened, when, by whom (null for the service or the operator), a detail for the
 * agents; {@code status} and {@code reasons} go with the step's event and receipt.
 */
public record PassStep(Transition transition, PassStatus status, Instant at, String agent, String detail,
                       List<String> reasons) {
}
