package fr.paris.casvp.guichet.solidarity.revaluation;

import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.solidarity.allowance.ParameterStore;
import fr.paris.casvp.guichet.solidarity.domain.ParameterNames;
import fr.paris.casvp.guichet.solidarity.domain.Proposal;
import fr.paris.casvp.guichet.web.Agent;
import fr.paris.casvp.guichet.web.FieldError;
import fr.paris.casvp.guichet.web.Fields;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes of the dated figures, governed (issue #32): an ADMINISTRATOR proposes a value from a date with its source; a
 * second ADMINISTRATOR approves it after seeing its impact (four-eyes); only then is it a row of the figures, never
 * rewritten. Once its date has come (at once for a date past), the grants in force are recomputed and the months already
 * paid since that date settled ({@link Revaluations}). Every step is in the audit trail (the requests that made it).
 */
@Service
class ParameterProposals {

    private static final Logger log = LoggerFactory.getLogger(ParameterProposals.class);
    /** The first day Guichet holds figures for (the rulebook's first rows). */
    private static final LocalDate EARLIEST = LocalDate.of(2012, 1, 1);

    /** A value to propose. */
    record NewValue(String name, LocalDate effectiveFrom, BigDecimal value, String source) {
    }

    private final RevaluationStore store;
    private final ParameterStore parameters;
    private final Revaluations revaluations;
    private final Clock clock;

    ParameterProposals(RevaluationStore store, ParameterStore parameters, Revaluations revaluations, Clock clock) {
        this.store = store;
        this.parameters = parameters;
        this.revaluations = revaluations;
        this.clock = clock;
    }

    @Transactional
    Proposal propose(NewValue value, Agent agent) {
        agent.requireRole(Agent.ADMINISTRATOR);
        List<FieldError> errors = new ArrayList<>();
        if (value.name() == null || !ParameterNames.ALL.contains(value.name())) {
            errors.add(FieldError.of("name", "must be one of " + ParameterNames.ALL));
        }
        if (value.effectiveFrom() == null || value.effectiveFrom().isBefore(EARLIEST)) {
            errors.add(FieldError.of("effectiveFrom", "is required: a day from " + EARLIEST + " on"));
        } else if (value.name() != null && parameters.exists(value.name(), value.effectiveFrom())) {
            errors.add(FieldError.of("effectiveFrom", "a value of this figure from this day exists: a row is never rewritten; "
                    + "propose the new value from another day"));
        }
        if (value.value() == null || value.value().signum() < 0 || value.value().stripTrailingZeros().scale() > 2
                || value.value().compareTo(new BigDecimal("1000000")) >= 0) {
            errors.add(FieldError.of("value", "is required: zero or more, below 1 000 000, with at most 2 decimals"));
        }
        Fields.text("source", value.source(), 500, errors);
        Fields.check(errors);
        Proposal proposal = Proposal.propose(value.name(), value.effectiveFrom(), value.value(), value.source().strip(),
                agent.username(), clock.instant());
        try {
            store.insert(proposal);
        } catch (DuplicateKeyException e) {
            throw new Refusal(Refusal.Kind.CONFLICT, ProblemTypes.INVALID_TRANSITION, "Already proposed",
                    "A value of " + value.name() + " from " + value.effectiveFrom() + " is already proposed: approve or withdraw it.");
        }
        return proposal;
    }

    @Transactional(readOnly = true)
    List<Proposal> list(Proposal.Status status, Agent agent) {
        agent.requireRole(Agent.ADMINISTRATOR, Agent.SUPERVISOR);
        return store.list(status);
    }

    @Transactional(readOnly = true)
    Revaluations.Impact impact(UUID id, Agent agent) {
        agent.requireRole(Agent.ADMINISTRATOR, Agent.SUPERVISOR);
        return revaluations.impact(store.find(id).orElseThrow(() -> Refusal.notFound("No proposal " + id + ".")));
    }

    /** Approved by a second administrator: the value becomes a row; its consequences follow at once if its date has come. */
    @Transactional
    Proposal approve(UUID id, Agent agent) {
        agent.requireRole(Agent.ADMINISTRATOR);
        Proposal proposal = store.lock(id).orElseThrow(() -> Refusal.notFound("No proposal " + id + "."));
        Instant now = clock.instant();
        Proposal approved = proposal.approve(agent.username(), now);
        if (parameters.exists(approved.name(), approved.effectiveFrom())) {
            throw new Refusal(Refusal.Kind.CONFLICT, ProblemTypes.INVALID_TRANSITION, "Never rewritten",
                    "A value of " + approved.name() + " from " + approved.effectiveFrom() + " exists: a row is never rewritten.");
        }
        parameters.insert(approved.row(), agent.username());
        if (!approved.effectiveFrom().isAfter(ParisTime.today(clock))) {
            approved = apply(approved, now);
        }
        store.update(approved);
        return approved;
    }

    @Transactional
    Proposal withdraw(UUID id, Agent agent) {
        agent.requireRole(Agent.ADMINISTRATOR);
        Proposal proposal = store.lock(id).orElseThrow(() -> Refusal.notFound("No proposal " + id + "."));
        Proposal withdrawn = proposal.withdraw(agent.username(), clock.instant());
        store.update(withdrawn);
        return withdrawn;
    }

    /** The approved values whose date has come and whose consequences wait (the job, every few minutes). */
    @Transactional
    int applyDue() {
        List<Proposal> due = store.dueToApply(ParisTime.today(clock));
        for (Proposal proposal : due) {
            store.update(apply(proposal, clock.instant()));
        }
        return due.size();
    }

    private Proposal apply(Proposal proposal, Instant now) {
        int adjusted = revaluations.apply(proposal, now);
        log.info("{} from {} approved by {}: grants in force recomputed, {} month(s) already paid adjusted", proposal.name(),
                proposal.effectiveFrom(), proposal.decidedBy(), adjusted);
        return proposal.applied(now);
    }
}
