package fr.paris.casvp.guichet.contracts.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A command the gateway accepted while its benefit's service could not answer, on {@code intake.<benefit>.v1} (key =
 * the beneficiary id of the command when it names one, so that one person's commands are applied in order). It
 * carries the authenticated agent's identity, roles and section, so the service applies the same rules when it drains
 * the queue, and the reception time, which opens the rights (RM I/B art. 3). Event type {@link #TYPE}; schema
 * {@code schemas/intake-command.v1.json}. Internal to Guichet: it holds the request as the agent typed it.
 *
 * @param receiptNumber  the receipt given at the counter; the application keeps it
 * @param idempotencyKey the client's key: a command the service did apply before the time-out is not applied twice
 * @param body           the JSON body as received, sealed by the gateway for the benefit's service ({@link SealedBodies})
 */
public record QueuedCommand(String receiptNumber, String benefit, UUID idempotencyKey, String method, String path,
                            String body, QueuedAgent agent, Instant receivedAt) {

    public static final String TYPE = "fr.paris.casvp.guichet.intake.command.v1";

    /** The same command with another body: the sealed one on the topic, the opened one in the service. */
    public QueuedCommand withBody(String otherBody) {
        return new QueuedCommand(receiptNumber, benefit, idempotencyKey, method, path, otherBody, agent, receivedAt);
    }

    /** Who sent the command, from their access token. */
    public record QueuedAgent(String username, List<String> roles, String section) {
    }
}
