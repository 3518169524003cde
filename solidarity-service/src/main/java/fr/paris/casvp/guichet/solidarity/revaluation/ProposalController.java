package fr.paris.casvp.guichet.solidarity.revaluation;

import fr.paris.casvp.guichet.solidarity.domain.Proposal;
import fr.paris.casvp.guichet.web.Agent;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/solidarity/parameters/proposals}: new values of the dated figures, proposed by an ADMINISTRATOR, approved by
 * another after their impact ({@code GET .../{id}/impact}), or withdrawn. ADMINISTRATOR and SUPERVISOR read them.
 */
@RestController
@RequestMapping("/api/solidarity/parameters/proposals")
class ProposalController {

    private final ParameterProposals proposals;

    ProposalController(ParameterProposals proposals) {
        this.proposals = proposals;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Proposal propose(@RequestBody ParameterProposals.NewValue value) {
        return proposals.propose(value, Agent.current());
    }

    @GetMapping
    List<Proposal> list(@RequestParam(required = false) Proposal.Status status) {
        return proposals.list(status, Agent.current());
    }

    @GetMapping("/{id}/impact")
    Revaluations.Impact impact(@PathVariable UUID id) {
        return proposals.impact(id, Agent.current());
    }

    @PostMapping("/{id}/approval")
    Proposal approve(@PathVariable UUID id) {
        return proposals.approve(id, Agent.current());
    }

    @PostMapping("/{id}/withdrawal")
    Proposal withdraw(@PathVariable UUID id) {
        return proposals.withdraw(id, Agent.current());
    }
}
