package fr.paris.casvp.guichet.aid.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a section director reports on (RM V.2.1 c/3): the section's applications counted and summed by month, category
 * and outcome. The month is the one of the outcome: the latest decision (after an appeal, the new one), the lapse, or
 * the reception for an application still pending.
 *
 * @param from the first month, e.g. {@code 2026-01}; {@code to} the last
 */
public record SectionReport(String section, String from, String to, List<Row> rows, Totals totals) {

    /**
     * @param outcome   GRANTED, REFUSED, LAPSED or PENDING
     * @param requested the amounts asked for
     * @param granted   the amounts granted (0 unless GRANTED)
     */
    public record Row(String month, String category, String outcome, long count, BigDecimal requested, BigDecimal granted) {
    }

    public record Totals(long count, BigDecimal requested, BigDecimal granted) {
    }

    /** The report of these rows, with their totals. */
    public static SectionReport of(String section, String from, String to, List<Row> rows) {
        return new SectionReport(section, from, to, rows, new Totals(rows.stream().mapToLong(Row::count).sum(),
                rows.stream().map(Row::requested).reduce(BigDecimal.ZERO, BigDecimal::add),
                rows.stream().map(Row::granted).reduce(BigDecimal.ZERO, BigDecimal::add)));
    }
}
