package fr.paris.casvp.guichet.figures;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What a new value changes beyond the figures themselves, for a service whose decided amounts follow its figures (grants
 * recomputed, months already paid settled). A service whose decisions keep the amount they were made with declares no
 * such bean: a proposal's impact is then its {@link ValueChange}, with the catalogue's {@code effects}.
 */
public interface FigureConsequences {

    /** What approving {@code proposal} would change, shown to the administrators before they approve it. */
    Object impact(FigureProposal proposal);

    /**
     * Does what follows from an approved value whose day has come, in the caller's transaction.
     *
     * @return how many things it changed, for the log
     */
    int apply(FigureProposal proposal, Instant now);

    /**
     * A value's change and what it changes, when the service has nothing to recompute.
     *
     * @param before the value in force on {@code effectiveFrom} before it; null when the figure had none
     * @param effects what a new value changes, in French (the catalogue's)
     */
    record ValueChange(String figure, String label, LocalDate effectiveFrom, BigDecimal before, BigDecimal after, String effects) {
    }
}
