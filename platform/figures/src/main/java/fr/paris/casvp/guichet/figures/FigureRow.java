package fr.paris.casvp.guichet.figures;

import fr.paris.casvp.guichet.contracts.figures.DatedFigure;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A row of {@code dated_figure}: a value, the day it takes effect, its source, and who recorded it.
 *
 * @param recordedBy the administrator who proposed it, or {@code release} for a row shipped with the service
 *                   ({@code migration} for the rows a service's own migration wrote before this module kept them)
 * @param approvedBy the second administrator; null for a row shipped
 */
public record FigureRow(String name, LocalDate effectiveFrom, BigDecimal value, String source, String recordedBy,
                        Instant recordedAt, String approvedBy) {

    /** Who records the rows shipped with the service. */
    public static final String RELEASE = "release";

    public DatedFigure figure() {
        return new DatedFigure(name, effectiveFrom, value, source);
    }
}
