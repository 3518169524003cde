package fr.paris.casvp.guichet.messaging.command;

/**
 * Who sends the current command (the authenticated agent's name): an idempotency key is scoped to its caller, so that a
 * key replayed by another agent is refused (422) and never answers with the first agent's result.
 */
@FunctionalInterface
public interface CommandCaller {

    /** The caller's name, or an empty string when there is none (a job, a test without security). */
    String name();
}
