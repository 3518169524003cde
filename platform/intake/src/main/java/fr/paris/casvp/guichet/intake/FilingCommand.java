package fr.paris.casvp.guichet.intake;

import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.intake.QueuedCommand;
import fr.paris.casvp.guichet.messaging.command.IdempotentCommands;
import fr.paris.casvp.guichet.messaging.command.IdempotentCommands.Outcome;
import fr.paris.casvp.guichet.web.Agent;
import fr.paris.casvp.guichet.web.DatabindPaths;
import fr.paris.casvp.guichet.web.FieldError;
import fr.paris.casvp.guichet.web.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command that files an application with a benefit ({@code POST <path>}, 201 and {@code Location}), online or from
 * the intake queue: the same body and idempotency key give the same outcome, applied once. A benefit service extends
 * it with what filing means for it.
 *
 * @param <B> the request body
 */
public abstract class FilingCommand<B> implements IntakeHandler {

    private final String path;
    private final Class<B> bodyType;
    private final IdempotentCommands commands;
    private final JsonMapper json;

    protected FilingCommand(String path, Class<B> bodyType, IdempotentCommands commands, JsonMapper json) {
        this.path = path;
        this.bodyType = bodyType;
        this.commands = commands;
        this.json = json;
    }

    /**
     * @param receiptNumber the receipt the gateway gave to a queued command, or null online
     * @param queuedAt      when the gateway received a queued command, or null online
     */
    protected abstract FiledApplication file(B body, Agent agent, String receiptNumber, Instant queuedAt);

    public Outcome execute(UUID key, B body, Agent agent, String receiptNumber, Instant queuedAt) {
        return commands.execute(key, "POST " + path + " " + json.writeValueAsString(body), () -> {
            FiledApplication filed = file(body, agent, receiptNumber, queuedAt);
            return Outcome.of(201, path + "/" + filed.id(), json.writeValueAsString(filed));
        });
    }

    @Override
    public boolean handles(String method, String requestPath) {
        return "POST".equals(method) && path.equals(requestPath);
    }

    @Override
    public Outcome apply(QueuedCommand command, Agent agent) {
        B body;
        try {
            body = json.readValue(command.body(), bodyType);
        } catch (DatabindException e) {
            FieldError error = DatabindPaths.fieldError(e);
            if (error != null) {
                throw ProblemException.invalid(List.of(error));
            }
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
                    "The queued command's body is not valid for " + path + ": " + e.getOriginalMessage());
        } catch (JacksonException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
                    "The queued command's body is not valid for " + path + ": " + e.getOriginalMessage());
        }
        return execute(command.idempotencyKey(), body, agent, command.receiptNumber(), command.receivedAt());
    }
}
