package fr.paris.casvp.guichet.transport.pass;

import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.intake.QueuedCommand;
import fr.paris.casvp.guichet.intake.IntakeHandler;
import fr.paris.casvp.guichet.messaging.command.IdempotentCommands;
import fr.paris.casvp.guichet.messaging.command.IdempotentCommands.Outcome;
import fr.paris.casvp.guichet.web.Agent;
import fr.paris.casvp.guichet.web.ProblemException;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Requesting a Navigo pass, online or from the intake queue: one key, one outcome, applied once. */
@Component
class RequestCommand implements IntakeHandler {

    static final String PATH = "/api/transport/passes";

    private final Passes passes;
    private final IdempotentCommands commands;
    private final JsonMapper json;

    RequestCommand(Passes passes, IdempotentCommands commands, JsonMapper json) {
        this.passes = passes;
        this.commands = commands;
        this.json = json;
    }

    Outcome execute(UUID key, Passes.Request request, Agent agent, String receiptNumber, Instant queuedAt) {
        return commands.execute(key, "POST " + PATH + " " + json.writeValueAsString(request), () -> {
            Passes.PassView view = passes.request(request, agent, receiptNumber, queuedAt);
            return Outcome.of(201, PATH + "/" + view.id(), json.writeValueAsString(view));
        });
    }

    @Override
    public boolean handles(String method, String path) {
        return "POST".equals(method) && PATH.equals(path);
    }

    @Override
    public Outcome apply(QueuedCommand command, Agent agent) {
        Passes.Request request;
        try {
            request = json.readValue(command.body(), Passes.Request.class);
        } catch (JacksonException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
                    "The queued request is not valid JSON for a Navigo request: " + e.getOriginalMessage());
        }
        return execute(command.idempotencyKey(), request, agent, command.receiptNumber(), command.receivedAt());
    }
}
