package fr.paris.casvp.guichet.aid.application;

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

/**
 * Filing an application, online ({@code POST /api/aid/applications}) or from the intake queue (the gateway took it
 * while this service was down): the same idempotency key and request give the same outcome, applied once.
 */
@Component
class FilingCommand implements IntakeHandler {

    static final String PATH = "/api/aid/applications";

    private final Applications applications;
    private final IdempotentCommands commands;
    private final JsonMapper json;

    FilingCommand(Applications applications, IdempotentCommands commands, JsonMapper json) {
        this.applications = applications;
        this.commands = commands;
        this.json = json;
    }

    /**
     * @param receiptNumber the receipt the gateway gave, or null online
     * @param queuedAt      when the gateway received it, or null online
     */
    Outcome execute(UUID key, Commands.Filing filing, Agent agent, String receiptNumber, Instant queuedAt) {
        return commands.execute(key, "POST " + PATH + " " + json.writeValueAsString(filing), () -> {
            ApplicationView view = applications.file(filing, agent, receiptNumber, queuedAt);
            return Outcome.of(201, PATH + "/" + view.id(), json.writeValueAsString(view));
        });
    }

    @Override
    public boolean handles(String method, String path) {
        return "POST".equals(method) && PATH.equals(path);
    }

    @Override
    public Outcome apply(QueuedCommand command, Agent agent) {
        Commands.Filing filing;
        try {
            filing = json.readValue(command.body(), Commands.Filing.class);
        } catch (JacksonException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
                    "The queued application is not valid JSON for an application: " + e.getOriginalMessage());
        }
        return execute(command.idempotencyKey(), filing, agent, command.receiptNumber(), command.receivedAt());
    }
}
