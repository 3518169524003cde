package fr.paris.casvp.guichet.transport.pass;

import fr.paris.casvp.guichet.intake.FiledApplication;
import fr.paris.casvp.guichet.intake.FilingCommand;
import fr.paris.casvp.guichet.messaging.command.IdempotentCommands;
import fr.paris.casvp.guichet.transport.domain.Pass;
import fr.paris.casvp.guichet.web.Agent;
import java.time.Instant;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Requesting a Navigo pass, online or from the intake queue. */
@Component
class RequestCommand extends FilingCommand<Commands.Request> {

    private final PassService passes;

    RequestCommand(PassService passes, IdempotentCommands commands, JsonMapper json) {
        super("/api/transport/passes", Commands.Request.class, commands, json);
        this.passes = passes;
    }

    @Override
    protected FiledApplication file(Commands.Request request, Agent agent, String receiptNumber, Instant queuedAt) {
        Pass pass = passes.request(request, agent, receiptNumber, queuedAt);
        return PassView.of(pass, passes.history(pass.id()));
    }
}
