package fr.paris.casvp.guichet.intake;

import fr.paris.casvp.guichet.contracts.intake.QueuedCommand;
import fr.paris.casvp.guichet.messaging.command.IdempotentCommands;
import fr.paris.casvp.guichet.web.Agent;

/**
 * How a benefit service applies one kind of queued command: the same code, validation, authorisation and idempotency
 * key as online. A refusal is thrown as a problem (a {@code ProblemException}): the receipt says why.
 */
public interface IntakeHandler {

    boolean handles(String method, String path);

    /** Applies the command as {@code agent}, with the receipt and the reception time it was given at the gateway. */
    IdempotentCommands.Outcome apply(QueuedCommand command, Agent agent);
}
