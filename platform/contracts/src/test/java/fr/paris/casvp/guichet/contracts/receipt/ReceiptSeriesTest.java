package fr.paris.casvp.guichet.contracts.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.paris.casvp.guichet.contracts.EventSchemas;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptSeriesTest {

    private final ReceiptSeries series = new ReceiptSeries(ReceiptNumber.seriesPrefix(), 50, "13", "agent13",
            Instant.parse("2026-12-01T08:00:00Z"));

    @Test
    void itsNumbersAreOrdinaryReceiptNumbersAllDistinctThatItRecognises() {
        List<String> numbers = series.numbers();

        assertThat(numbers).hasSize(50).doesNotHaveDuplicates()
                .allSatisfy(number -> {
                    assertThat(ReceiptNumber.normalise(number)).isEqualTo(number);
                    assertThat(series.contains(number)).isTrue();
                });
        assertThat(ReceiptNumber.seriesIndexOf(numbers.get(37))).isEqualTo(37);
        assertThat(ReceiptNumber.seriesPrefixOf(numbers.get(37))).isEqualTo(series.prefix());
    }

    @Test
    void aNumberPastItsSizeOrOfAnotherSeriesIsNotItsOwn() {
        assertThat(series.contains(ReceiptNumber.inSeries(series.prefix(), 50))).isFalse();
        assertThat(series.contains(ReceiptNumber.inSeries(ReceiptNumber.seriesPrefix(), 3))).isFalse();
        assertThat(series.contains(null)).isFalse();
    }

    @Test
    void theLastIndexFitsAndTheNextDoesNot() {
        String last = ReceiptNumber.inSeries(series.prefix(), ReceiptNumber.SERIES_CAPACITY - 1);

        assertThat(ReceiptNumber.seriesIndexOf(last)).isEqualTo(ReceiptNumber.SERIES_CAPACITY - 1);
        assertThatThrownBy(() -> ReceiptNumber.inSeries(series.prefix(), ReceiptNumber.SERIES_CAPACITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReceiptSeries(series.prefix(), 0, "13", "agent13", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whatIsPublishedMatchesItsSchema() {
        String json = "{\"prefix\":\"" + series.prefix() + "\",\"size\":50,\"section\":\"13\",\"reservedBy\":\"agent13\","
                + "\"reservedAt\":\"2026-12-01T08:00:00Z\"}";

        assertThat(EventSchemas.violations(ReceiptSeries.TYPE, json)).isEmpty();
        assertThat(EventSchemas.violations(ReceiptSeries.TYPE, json.replace(series.prefix(), "OOOOOOO"))).isNotEmpty();
    }
}
