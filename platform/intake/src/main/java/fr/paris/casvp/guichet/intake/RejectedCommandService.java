package fr.paris.casvp.guichet.intake;

import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.web.Agent;
import java.time.Clock;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queued commands refused on replay, for their section to handle (call the person back, correct, file again): an
 * agent reads their section's (a supervisor every section's) and marks one handled once done.
 */
public class RejectedCommandService {

    private final RejectedCommandStore store;
    private final Clock clock;

    public RejectedCommandService(RejectedCommandStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<RejectedCommand> list(Agent agent, boolean includeHandled) {
        return store.list(agent.isSupervisor() ? null : agent.section(), includeHandled);
    }

    @Transactional
    public void markHandled(String receipt, Agent agent) {
        String section = store.sectionOf(receipt)
                .orElseThrow(() -> Refusal.notFound("No rejected command with the receipt " + receipt + "."));
        agent.requireWrite(section);
        store.markHandled(receipt, agent.toString(), clock.instant());
    }
}
