package fr.paris.casvp.guichet.figures;

import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.contracts.figures.DatedFigure;
import fr.paris.casvp.guichet.contracts.figures.DatedFigures;
import fr.paris.casvp.guichet.web.Agent;
import fr.paris.casvp.guichet.web.FieldError;
import fr.paris.casvp.guichet.web.Fields;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes of the dated figures, governed: an ADMINISTRATOR proposes a value from a day with its source; a second
 * ADMINISTRATOR approves it after seeing its impact (four-eyes); only then is it a row of the figures, never rewritten.
 * Once its day has come (at once for a day past), what follows from it is done ({@link FigureConsequences}, when the
 * service has any). ADMINISTRATOR and SUPERVISOR read the proposals. Every step is in the audit trail (the requests).
 */
public class FigureProposals {

    private static final Logger log = LoggerFactory.getLogger(FigureProposals.class);
    /** The earliest day a value may take effect from. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final BigDecimal MAX = new BigDecimal("1000000");

    /** A value to propose. */
    public record NewValue(String name, LocalDate effectiveFrom, BigDecimal value, String source) {
    }

    private final ProposalStore proposals;
    private final FigureStore figures;
    private final FigureCatalogue catalogue;
    private final Optional<FigureConsequences> consequences;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public FigureProposals(ProposalStore proposals, FigureStore figures, FigureCatalogue catalogue,
                           Optional<FigureConsequences> consequences, TransactionTemplate transactions, Clock clock) {
        this.proposals = proposals;
        this.figures = figures;
        this.catalogue = catalogue;
        this.consequences = consequences;
        this.transactions = transactions;
        this.clock = clock;
    }

    public FigureProposal propose(NewValue value, Agent agent) {
        agent.requireRole(Agent.ADMINISTRATOR);
        return transactions.execute(status -> {
            List<FieldError> errors = new ArrayList<>();
            if (value.name() == null || !catalogue.names().contains(value.name())) {
                errors.add(FieldError.of("name", "must be one of " + catalogue.names()));
            }
            if (value.effectiveFrom() == null || value.effectiveFrom().isBefore(EARLIEST)) {
                errors.add(FieldError.of("effectiveFrom", "is required: a day from " + EARLIEST + " on"));
            } else if (value.name() != null && figures.exists(value.name(), value.effectiveFrom())) {
                errors.add(FieldError.of("effectiveFrom", "a value of this figure from this day exists: a row is never rewritten; "
                        + "propose the new value from another day"));
            }
            if (value.value() == null || value.value().signum() < 0 || value.value().stripTrailingZeros().scale() > 2
                    || value.value().compareTo(MAX) >= 0) {
                errors.add(FieldError.of("value", "is required: zero or more, below 1 000 000, with at most 2 decimals"));
            }
            Fields.text("source", value.source(), 500, errors);
            Fields.check(errors);
            FigureProposal proposal = FigureProposal.propose(value.name(), value.effectiveFrom(), value.value(),
                    value.source().strip(), agent.username(), clock.instant());
            try {
                proposals.insert(proposal);
            } catch (DuplicateKeyException e) {
                throw new Refusal(Refusal.Kind.CONFLICT, ProblemTypes.INVALID_TRANSITION, "Already proposed",
                        "A value of " + value.name() + " from " + value.effectiveFrom() + " is already proposed: approve or withdraw it.");
            }
            return proposal;
        });
    }

    public List<FigureProposal> list(FigureProposal.Status status, Agent agent) {
        agent.requireRole(Agent.ADMINISTRATOR, Agent.SUPERVISOR);
        return proposals.list(status);
    }

    /** What approving it would change: the service's own reckoning, or the value's change and what a new value changes. */
    public Object impact(UUID id, Agent agent) {
        agent.requireRole(Agent.ADMINISTRATOR, Agent.SUPERVISOR);
        FigureProposal proposal = proposals.find(id).orElseThrow(() -> Refusal.notFound("No proposal " + id + "."));
        if (consequences.isPresent()) {
            return transactions.execute(status -> consequences.get().impact(proposal));
        }
        BigDecimal before = new DatedFigures(figures.all().stream().map(FigureRow::figure).toList(), catalogue.list())
                .inForce(proposal.name(), proposal.effectiveFrom()).map(DatedFigure::value).orElse(null);
        return new FigureConsequences.ValueChange(proposal.name(), catalogue.label(proposal.name()), proposal.effectiveFrom(), before,
                proposal.value(), catalogue.effects());
    }

    /** Approved by a second administrator: the value becomes a row; what follows from it is done at once if its day has come. */
    public FigureProposal approve(UUID id, Agent agent) {
        agent.requireRole(Agent.ADMINISTRATOR);
        return transactions.execute(status -> {
            FigureProposal proposal = proposals.lock(id).orElseThrow(() -> Refusal.notFound("No proposal " + id + "."));
            Instant now = clock.instant();
            FigureProposal approved = proposal.approve(agent.username(), now);
            if (figures.exists(approved.name(), approved.effectiveFrom())) {
                throw new Refusal(Refusal.Kind.CONFLICT, ProblemTypes.INVALID_TRANSITION, "Never rewritten",
                        "A value of " + approved.name() + " from " + approved.effectiveFrom() + " exists: a row is never rewritten.");
            }
            figures.insert(approved.row());
            if (!approved.effectiveFrom().isAfter(ParisTime.today(clock))) {
                approved = apply(approved, now);
            }
            proposals.update(approved);
            return approved;
        });
    }

    public FigureProposal withdraw(UUID id, Agent agent) {
        agent.requireRole(Agent.ADMINISTRATOR);
        return transactions.execute(status -> {
            FigureProposal proposal = proposals.lock(id).orElseThrow(() -> Refusal.notFound("No proposal " + id + "."));
            FigureProposal withdrawn = proposal.withdraw(agent.username(), clock.instant());
            proposals.update(withdrawn);
            return withdrawn;
        });
    }

    /** The approved values whose day has come and whose consequences wait (a job, every few minutes). */
    public int applyDue() {
        return transactions.execute(status -> {
            List<FigureProposal> due = proposals.dueToApply(ParisTime.today(clock));
            for (FigureProposal proposal : due) {
                proposals.update(apply(proposal, clock.instant()));
            }
            return due.size();
        });
    }

    private FigureProposal apply(FigureProposal proposal, Instant now) {
        int changed = consequences.map(c -> c.apply(proposal, now)).orElse(0);
        log.info("{} from {} approved by {}: in force, {} thing(s) changed with it", proposal.name(), proposal.effectiveFrom(),
                proposal.decidedBy(), changed);
        return proposal.applied(now);
    }
}
