package fr.paris.casvp.guichet.aid.application;

import fr.paris.casvp.guichet.intake.FiledApplication;
import fr.paris.casvp.guichet.messaging.command.IdempotentCommands;
import fr.paris.casvp.guichet.web.Agent;
import java.time.Instant;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Filing an application for exceptional aid, online or from the intake queue. */
@Component
class FilingCommand extends fr.paris.casvp.guichet.intake.FilingCommand<Commands.Filing> {

    private final ApplicationService applications;

    FilingCommand(ApplicationService applications, IdempotentCommands commands, JsonMapper json) {
        super("/api/aid/applications", Commands.Filing.class, commands, json);
        this.applications = applications;
    }

    @Override
    protected FiledApplication file(Commands.Filing filing, Agent agent, String receiptNumber, Instant queuedAt) {
        return ApplicationView.of(applications.file(filing, agent, receiptNumber, queuedAt));
    }
}
