package fr.paris.casvp.guichet.intake;

import fr.paris.casvp.guichet.web.Agent;
import java.util.List;
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

    private final RejectedCommandService rejected;

    public RejectedCommandController(RejectedCommandService rejected) {
        this.rejected = rejected;
    }

    @GetMapping("${guichet.audit.path}/intake/rejected")
    public List<RejectedCommand> rejected(@RequestParam(defaultValue = "false") boolean includeHandled) {
        return rejected.list(Agent.current(), includeHandled);
    }

    @PostMapping("${guichet.audit.path}/intake/rejected/{receipt}/handled")
    public void handled(@PathVariable String receipt) {
        rejected.markHandled(receipt, Agent.current());
    }
}
