package fr.paris.casvp.guichet.figures;

import fr.paris.casvp.guichet.contracts.Refusal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A new value of a dated figure, proposed by an administrator with the day it takes effect and its source, and a row of
 * the figures only once a second administrator approves it (four-eyes). Never a rewrite: it adds a row.
 *
 * @param appliedAt when what follows from it was done (its effective date come), null before
 */
public record FigureProposal(UUID id, String name, LocalDate effectiveFrom, BigDecimal value, String source, Status status,
                             String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt, Instant appliedAt) {

    public enum Status { PROPOSED, APPROVED, WITHDRAWN }

    public static FigureProposal propose(String name, LocalDate effectiveFrom, BigDecimal value, String source, String by, Instant at) {
        return new FigureProposal(UUID.randomUUID(), name, effectiveFrom, value, source, Status.PROPOSED, by, at, null, null, null);
    }

    /** Approved by another administrator than its author; refused otherwise, or when it is no longer open. */
    public FigureProposal approve(String by, Instant at) {
        open();
        if (by.equals(proposedBy)) {
            throw Refusal.fourEyes("You proposed this value: another administrator must approve it.");
        }
        return new FigureProposal(id, name, effectiveFrom, value, source, Status.APPROVED, proposedBy, proposedAt, by, at, null);
    }

    /** Withdrawn, by its author or another administrator, while it is open. */
    public FigureProposal withdraw(String by, Instant at) {
        open();
        return new FigureProposal(id, name, effectiveFrom, value, source, Status.WITHDRAWN, proposedBy, proposedAt, by, at, null);
    }

    public FigureProposal applied(Instant at) {
        return new FigureProposal(id, name, effectiveFrom, value, source, status, proposedBy, proposedAt, decidedBy, decidedAt, at);
    }

    /** The row it adds once approved. */
    public FigureRow row() {
        return new FigureRow(name, effectiveFrom, value, source, proposedBy, decidedAt, decidedBy);
    }

    private void open() {
        if (status != Status.PROPOSED) {
            throw Refusal.notPossibleNow("The proposal", status, Status.PROPOSED);
        }
    }
}
