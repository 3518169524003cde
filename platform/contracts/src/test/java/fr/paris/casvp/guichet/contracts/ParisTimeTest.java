package fr.paris.casvp.guichet.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ParisTimeTest {

    @Test
    void aDayInWordsSays1erOnTheFirstOfAMonthAndIsTheParisDay() {
        assertThat(ParisTime.inWords(LocalDate.of(2026, 12, 1))).isEqualTo("1er décembre 2026");
        assertThat(ParisTime.inWords(LocalDate.of(2026, 12, 2))).isEqualTo("2 décembre 2026");
        assertThat(ParisTime.inWords(LocalDate.of(2027, 1, 11))).isEqualTo("11 janvier 2027");
        // 23:30 UTC on 30 November is 00:30 on 1 December in Paris; in summer Paris is UTC+2.
        assertThat(ParisTime.dayAndTimeInWords(Instant.parse("2026-11-30T23:30:00Z"))).isEqualTo("1er décembre 2026 à 00:30");
        assertThat(ParisTime.dayAndTimeInWords(Instant.parse("2027-07-14T08:05:00Z"))).isEqualTo("14 juillet 2027 à 10:05");
    }
}
