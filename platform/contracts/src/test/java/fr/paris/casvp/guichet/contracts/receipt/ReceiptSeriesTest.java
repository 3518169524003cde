package fr.paris.casvp.guichet.contracts.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.paris.casvp.guichet.contracts.EventSchemas;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReceiptSeriesTest {

    private static final Instant RESERVED_AT = Instant.parse("2026-12-01T08:00:00Z");
    /** A series with a fixed permutation, so that what is checked about its order is the same at every run. */
    private final ReceiptSeries series = new ReceiptSeries(ReceiptNumber.seriesPrefix(), 50, "13", "agent13", RESERVED_AT, false,
            "c2VyaWUtZGUtdGVzdC0xMw");

    @Test
    void itsNumbersAreOrdinaryReceiptNumbersAllDistinctThatItRecognises() {
        List<String> numbers = series.numbers();

        assertThat(numbers).hasSize(50).doesNotHaveDuplicates()
                .allSatisfy(number -> {
                    assertThat(ReceiptNumber.normalise(number)).isEqualTo(number);
                    assertThat(series.contains(number)).isTrue();
                    assertThat(ReceiptNumber.seriesPrefixOf(number)).isEqualTo(series.prefix());
                });
    }

    /** Issue #33: a person holding one receipt could list the numbers printed after theirs. */
    @Test
    void oneNumberShowsNothingOfTheNext() {
        List<Integer> indices = series.numbers().stream().map(ReceiptNumber::seriesIndexOf).toList();

        assertThat(IntStream.range(1, indices.size()).filter(i -> Math.abs(indices.get(i) - indices.get(i - 1)) == 1).count())
                .as("numbers that follow each other").isZero();
        assertThat(indices).as("spread over the whole series' space, not its first positions")
                .anyMatch(index -> index > ReceiptNumber.SERIES_CAPACITY / 2).anyMatch(index -> index < ReceiptNumber.SERIES_CAPACITY / 2);
        assertThat(ReceiptSeries.drawn(series.prefix(), 50, "13", "agent13", RESERVED_AT).numbers())
                .as("each series drawn with its own order").isNotEqualTo(series.numbers());
    }

    @Test
    void ofTheWholeSpaceOfItsPrefixExactlyItsNumbersAreItsOwn() {
        long own = IntStream.range(0, ReceiptNumber.SERIES_CAPACITY)
                .filter(index -> series.contains(ReceiptNumber.inSeries(series.prefix(), index))).count();

        assertThat(own).isEqualTo(50);
        assertThat(series.contains(ReceiptNumber.inSeries(ReceiptNumber.seriesPrefix(), 3))).isFalse();
        assertThat(series.contains(null)).isFalse();
    }

    @Test
    void aSeriesReservedBeforeNumbersWereShuffledKeepsItsNumbers() {
        ReceiptSeries old = new ReceiptSeries(series.prefix(), 50, "13", "agent13", RESERVED_AT, null, null);

        assertThat(ReceiptNumber.seriesIndexOf(old.numbers().get(37))).isEqualTo(37);
        assertThat(old.contains(ReceiptNumber.inSeries(series.prefix(), 49))).isTrue();
        assertThat(old.contains(ReceiptNumber.inSeries(series.prefix(), 50))).isFalse();
    }

    @Test
    void theLastIndexFitsAndTheNextDoesNot() {
        String last = ReceiptNumber.inSeries(series.prefix(), ReceiptNumber.SERIES_CAPACITY - 1);

        assertThat(ReceiptNumber.seriesIndexOf(last)).isEqualTo(ReceiptNumber.SERIES_CAPACITY - 1);
        assertThatThrownBy(() -> ReceiptNumber.inSeries(series.prefix(), ReceiptNumber.SERIES_CAPACITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReceiptSeries.drawn(series.prefix(), 0, "13", "agent13", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ReceiptSeries.drawn(series.prefix(), ReceiptNumber.SERIES_CAPACITY, "13", "agent13", RESERVED_AT).numbers())
                .as("a full series: every number of its prefix, once").doesNotHaveDuplicates().hasSize(ReceiptNumber.SERIES_CAPACITY);
    }

    @Test
    void whatIsPublishedMatchesItsSchema() {
        String json = "{\"prefix\":\"" + series.prefix() + "\",\"size\":50,\"section\":\"13\",\"reservedBy\":\"agent13\","
                + "\"reservedAt\":\"2026-12-01T08:00:00Z\",\"paper\":false,\"shuffleKey\":\"c2VyaWUtZGUtdGVzdC0xMw\"}";

        assertThat(EventSchemas.violations(ReceiptSeries.TYPE, json)).isEmpty();
        assertThat(EventSchemas.violations(ReceiptSeries.TYPE, json.replace(series.prefix(), "OOOOOOO"))).isNotEmpty();
        assertThat(EventSchemas.violations(ReceiptSeries.TYPE, json.replace("c2VyaWUtZGUtdGVzdC0xMw", "court"))).isNotEmpty();
    }
}
