package fr.paris.casvp.guichet.intake;

import java.time.Instant;
import java.util.Map;

/**
 * A queued command refused on replay, as its section sees it: what was asked, by whom, when it was received, the problem
 * that refused it, and who handled it.
 */
public record RejectedCommand(String receiptNumber, String benefit, String section, String agent, String method, String path,
                              Instant receivedAt, int status, Map<String, Object> problem, Instant rejectedAt,
                              String handledBy, Instant handledAt) {
}
