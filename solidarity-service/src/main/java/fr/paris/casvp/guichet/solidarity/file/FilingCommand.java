package fr.paris.casvp.guichet.solidarity.file;

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

/** Filing a Paris Solidarité application, online or from the intake queue: one key, one outcome, applied once. */
@Component
class FilingCommand implements IntakeHandler {

    static final String PATH = "/api/solidarity/applications";

    private final Files files;
    private final IdempotentCommands commands;
    private final JsonMapper json;

    FilingCommand(Files files, IdempotentCommands commands, JsonMapper json) {
        this.files = files;
        this.commands = commands;
        this.json = json;
    }

    Outcome execute(UUID key, Files.Filing filing, Agent agent, String receiptNumber, Instant queuedAt) {
        return commands.execute(key, "POST " + PATH + " " + json.writeValueAsString(filing), () -> {
            Files.ApplicationView view = files.file(filing, agent, receiptNumber, queuedAt);
            return Outcome.of(201, PATH + "/" + view.id(), json.writeValueAsString(view));
        });
    }

    @Override
    public boolean handles(String method, String path) {
        return "POST".equals(method) && PATH.equals(path);
    }

    @Override
    public Outcome apply(QueuedCommand command, Agent agent) {
        Files.Filing filing;
        try {
            filing = json.readValue(command.body(), Files.Filing.class);
        } catch (JacksonException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
                    "The queued application is not valid JSON for an application: " + e.getOriginalMessage());
        }
        return execute(command.idempotencyKey(), filing, agent, command.receiptNumber(), command.receivedAt());
    }
}
