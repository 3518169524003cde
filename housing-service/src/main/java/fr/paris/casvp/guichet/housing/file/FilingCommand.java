package fr.paris.casvp.guichet.housing.file;

import fr.paris.casvp.guichet.intake.FiledApplication;
import fr.paris.casvp.guichet.messaging.command.IdempotentCommands;
import fr.paris.casvp.guichet.web.Agent;
import java.time.Instant;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Filing a Paris Logement application, online or from the intake queue (the gateway queued it while this service was down). */
@Component
class FilingCommand extends fr.paris.casvp.guichet.intake.FilingCommand<Commands.Filing> {

    private final FileService files;

    FilingCommand(FileService files, IdempotentCommands commands, JsonMapper json) {
        super("/api/housing/files", Commands.Filing.class, commands, json);
        this.files = files;
    }

    @Override
    protected FiledApplication file(Commands.Filing filing, Agent agent, String receiptNumber, Instant queuedAt) {
        return files.file(filing, agent, receiptNumber, queuedAt);
    }
}
