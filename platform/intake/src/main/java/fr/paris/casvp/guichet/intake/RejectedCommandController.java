package fr.paris.casvp.guichet.intake;

import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.web.Agent;
import fr.paris.casvp.guichet.web.ProblemException;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code <api path>/intake/rejected}: the queued commands refused on replay, for the section to handle (call the person
 * back, correct, file again); {@code POST .../{receipt}/handled} marks one handled.
 */
@RestController
public class RejectedCommandController {

    private final RejectedCommands rejected;
    private final Clock clock;

    public RejectedCommandController(RejectedCommands rejected, Clock clock) {
        this.rejected = rejected;
        this.clock = clock;
    }

    @GetMapping("${guichet.audit.path}/intake/rejected")
    public List<RejectedCommands.Rejected> rejected(@RequestParam(defaultValue = "false") boolean includeHandled) {
        Agent agent = Agent.current();
        return rejected.list(agent.isSupervisor() ? null : agent.section(), includeHandled);
    }

    @PostMapping("${guichet.audit.path}/intake/rejected/{receipt}/handled")
    public void handled(@PathVariable String receipt) {
        Agent agent = Agent.current();
        String section = rejected.sectionOf(receipt).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                ProblemTypes.NOT_FOUND, "Not found", "No rejected command with the receipt " + receipt + "."));
        agent.requireWrite(section);
        rejected.markHandled(receipt, agent.toString(), clock.instant());
    }
}
