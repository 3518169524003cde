package fr.paris.casvp.guichet.contracts.receipt;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A series of receipt numbers reserved beforehand by one counter, so that it can print a receipt at once while the
 * server side cannot be reached (issue #15): the numbers {@code prefix + index} for index 0 to {@code size - 1}, in the
 * same form as any receipt number ({@link ReceiptNumber#inSeries}). The gateway draws the prefix, never gives one twice
 * (every series ever reserved is on the compacted {@code receipt-series.v1}, key = the prefix) and signs what it hands
 * to the counter, which sends the series back with each command it captured. Event type {@link #TYPE}; schema
 * {@code schemas/receipt-series.v1.json}.
 *
 * @param section    the section of the counter; its numbers are accepted from that section's agents only
 * @param reservedBy the agent who reserved it
 * @param reservedAt when: a number of the series cannot have been printed before
 * @param paper      true: printed on paper forms (typed in later without the series), false: a counter's (sent back with
 *                   its signed series); null for a series reserved before the two were told apart, taken as either
 */
public record ReceiptSeries(String prefix, int size, String section, String reservedBy, Instant reservedAt, Boolean paper) {

    /** A counter's series. */
    public ReceiptSeries(String prefix, int size, String section, String reservedBy, Instant reservedAt) {
        this(prefix, size, section, reservedBy, reservedAt, false);
    }

    public static final String TYPE = "fr.paris.casvp.guichet.receipt.series.v1";

    public ReceiptSeries {
        if (size < 1 || size > ReceiptNumber.SERIES_CAPACITY) {
            throw new IllegalArgumentException("A series holds 1 to " + ReceiptNumber.SERIES_CAPACITY + " numbers: " + size);
        }
    }

    public List<String> numbers() {
        return IntStream.range(0, size).mapToObj(i -> ReceiptNumber.inSeries(prefix, i)).toList();
    }

    /** Whether a canonical number ({@link ReceiptNumber#normalise}) is one of this series'. */
    public boolean contains(String canonical) {
        return canonical != null && ReceiptNumber.seriesPrefixOf(canonical).equals(prefix)
                && ReceiptNumber.seriesIndexOf(canonical) < size;
    }
}
