package fr.paris.casvp.guichet.solidarity.file;

import fr.paris.casvp.guichet.intake.FiledApplication;
import fr.paris.casvp.guichet.messaging.command.IdempotentCommands;
import fr.paris.casvp.guichet.web.Agent;
import java.time.Instant;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Filing a Paris Solidarité application, online or from the intake queue. */
@Component
class FilingCommand extends fr.paris.casvp.guichet.intake.FilingCommand<Files.Filing> {

    private final Files files;

    FilingCommand(Files files, IdempotentCommands commands, JsonMapper json) {
        super("/api/solidarity/applications", Files.Filing.class, commands, json);
        this.files = files;
    }

    @Override
    protected FiledApplication file(Files.Filing filing, Agent agent, String receiptNumber, Instant queuedAt) {
        return files.file(filing, agent, receiptNumber, queuedAt);
    }
}
