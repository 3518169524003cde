package fr.paris.casvp.guichet.figures;

import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.figures.FamilyView;
import fr.paris.casvp.guichet.contracts.figures.FigureWarning;
import fr.paris.casvp.guichet.web.Agent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
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
 * {@code <guichet.figures.path>} (e.g. {@code /api/housing/parameters}): {@code GET /families}, every figure with its
 * history (the "Paramètres" screen); {@code GET /stale}, the figures stale today or on {@code ?date=} (the supervisors'
 * banner); {@code /proposals}: new values proposed by an ADMINISTRATOR, approved by another after their impact ({@code GET
 * /proposals/{id}/impact}, {@code POST /proposals/{id}/approval}) or withdrawn ({@code POST /proposals/{id}/withdrawal}),
 * read by ADMINISTRATOR and SUPERVISOR.
 */
@RestController
@RequestMapping("${guichet.figures.path}")
public class FigureController {

    private final Figures figures;
    private final FigureProposals proposals;
    private final Clock clock;

    public FigureController(Figures figures, FigureProposals proposals, Clock clock) {
        this.figures = figures;
        this.proposals = proposals;
        this.clock = clock;
    }

    @GetMapping("/families")
    List<FamilyView> families() {
        return figures.families(ParisTime.today(clock));
    }

    @GetMapping("/stale")
    List<FigureWarning> stale(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return FigureWarning.of(figures.stale(date == null ? ParisTime.today(clock) : date));
    }

    @PostMapping("/proposals")
    @ResponseStatus(HttpStatus.CREATED)
    FigureProposal propose(@RequestBody FigureProposals.NewValue value) {
        return proposals.propose(value, Agent.current());
    }

    @GetMapping("/proposals")
    List<FigureProposal> list(@RequestParam(required = false) FigureProposal.Status status) {
        return proposals.list(status, Agent.current());
    }

    @GetMapping("/proposals/{id}/impact")
    Object impact(@PathVariable UUID id) {
        return proposals.impact(id, Agent.current());
    }

    @PostMapping("/proposals/{id}/approval")
    FigureProposal approve(@PathVariable UUID id) {
        return proposals.approve(id, Agent.current());
    }

    @PostMapping("/proposals/{id}/withdrawal")
    FigureProposal withdraw(@PathVariable UUID id) {
        return proposals.withdraw(id, Agent.current());
    }
}
