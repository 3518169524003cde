package fr.paris.casvp.guichet.messaging.command;

import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * A controller's command whose answer is a JSON view: run once per idempotency key ({@link IdempotentCommands}),
 * answered by {@link CommandResponses}. The request that the key must come with is the method, the path and the body.
 */
public final class JsonCommand {

    private final IdempotentCommands commands;
    private final JsonMapper json;

    public JsonCommand(IdempotentCommands commands, JsonMapper json) {
        this.commands = commands;
        this.json = json;
    }

    /** @param request method and path, e.g. {@code POST /api/aid/applications/42/decision} */
    public ResponseEntity<String> run(UUID key, String request, Object body, Supplier<?> command) {
        IdempotentCommands.Outcome outcome = commands.execute(key, request + " " + json.writeValueAsString(body),
                () -> IdempotentCommands.Outcome.of(200, null, json.writeValueAsString(command.get())));
        return CommandResponses.of(outcome);
    }
}
