package fr.paris.casvp.guichet.solidarity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.paris.casvp.guichet.contracts.figures.DatedFigures;
import fr.paris.casvp.guichet.contracts.figures.Revaluation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a dated figure becomes stale: the day before and the day of each family's revaluation (docs/rules.md). */
class StaleFigureTest {

    /** The latest rows of docs/rules.md, with one earlier row each so that "latest" means something. */
    private static final List<DatedParameter> ROWS = List.of(
            row(ParameterNames.CEILING_ELDERLY_SINGLE, "2024-02-01", "1129"),
            row(ParameterNames.CEILING_ELDERLY_SINGLE, "2024-06-01", "1129"),
            row(ParameterNames.CEILING_DISABLED_SINGLE, "2024-06-01", "1144"),
            row(ParameterNames.ASPA_ANNUAL_SINGLE, "2025-01-01", "12411.44"),
            row(ParameterNames.ASPA_ANNUAL_SINGLE, "2026-01-01", "12523.14"),
            row(ParameterNames.AAH_MONTHLY, "2025-04-01", "1033.32"),
            row(ParameterNames.AAH_MONTHLY, "2026-04-01", "1041.59"),
            row(ParameterNames.PAYMENT_THRESHOLD, "2012-01-01", "2"),
            row(ParameterNames.AGE_ELDERLY, "2012-01-01", "65"));

    @Test
    void theCeilingsAreDueEvery1JanuarySoTheRowOfJune2024WasStaleOn1January2025() {
        assertThat(staleOn("2024-12-31")).isEmpty();

        List<DatedFigures.Stale> stale = FigureFamily.staleOn(LocalDate.parse("2025-01-01"), ROWS);

        assertThat(stale).extracting(DatedFigures.Stale::name)
                .containsExactly(ParameterNames.CEILING_DISABLED_SINGLE, ParameterNames.CEILING_ELDERLY_SINGLE);
        DatedFigures.Stale elderly = stale.get(1);
        assertThat(elderly.value()).isEqualByComparingTo("1129");
        assertThat(elderly.inForceSince()).isEqualTo("2024-06-01");
        assertThat(elderly.dueSince()).isEqualTo("2025-01-01");
        assertThat(elderly.french()).isEqualTo("Plafond mensuel Paris Solidarité, personne âgée seule : la valeur en "
                + "vigueur, 1\u202f129,00 € depuis le 1er juin 2024, devait être revalorisée le 1er janvier 2025 (chaque 1er "
                + "janvier) et aucune nouvelle valeur n'a été saisie. Les montants calculés avec ce chiffre peuvent être faux.");
    }

    @Test
    void theAspaOf2026IsCurrentOn31DecemberAndStaleOn1January2027() {
        assertThat(staleOn("2026-12-31")).doesNotContain(ParameterNames.ASPA_ANNUAL_SINGLE);
        assertThat(staleOn("2027-01-01")).contains(ParameterNames.ASPA_ANNUAL_SINGLE);
        assertThat(FigureFamily.staleOn(LocalDate.parse("2027-01-01"), ROWS).stream()
                .filter(f -> f.name().equals(ParameterNames.ASPA_ANNUAL_SINGLE)).findFirst().orElseThrow().dueSince())
                .isEqualTo("2027-01-01");
    }

    @Test
    void theAahOfApril2026IsCurrentOn31March2027AndStaleOn1April2027() {
        assertThat(staleOn("2027-03-31")).doesNotContain(ParameterNames.AAH_MONTHLY);
        assertThat(staleOn("2027-04-01")).contains(ParameterNames.AAH_MONTHLY);
    }

    @Test
    void aFigureRevaluedOnlyWhenTheConseilDecidesIsNeverStale() {
        assertThat(staleOn("2099-12-31")).doesNotContain(ParameterNames.PAYMENT_THRESHOLD, ParameterNames.AGE_ELDERLY);
    }

    @Test
    void aLaterValueEvenRecordedLateOrForTheFutureMeansTheFigureIsNotStale() {
        List<DatedParameter> withNext = new java.util.ArrayList<>(ROWS);
        withNext.add(row(ParameterNames.ASPA_ANNUAL_SINGLE, "2027-01-01", "12700.00"));
        assertThat(FigureFamily.staleOn(LocalDate.parse("2026-12-31"), withNext)).extracting(DatedFigures.Stale::name)
                .doesNotContain(ParameterNames.ASPA_ANNUAL_SINGLE);
        // On 1 March 2025 the AAH of April 2024 was in force, and a later one exists: history, not staleness.
        assertThat(staleOn("2025-03-01")).doesNotContain(ParameterNames.AAH_MONTHLY);
    }

    @Test
    void aRevaluationDayIsDueTheNextYearWhenTheValueTookEffectThatVeryDay() {
        Revaluation april = FigureFamily.AAH.revaluation();
        assertThat(april.nextDueAfter(LocalDate.parse("2026-04-01"))).contains(LocalDate.parse("2027-04-01"));
        assertThat(april.nextDueAfter(LocalDate.parse("2022-07-01"))).contains(LocalDate.parse("2023-04-01"));
        assertThat(april.nextDueAfter(LocalDate.parse("2019-11-01"))).contains(LocalDate.parse("2020-04-01"));
        assertThat(Revaluation.ON_DECISION.nextDueAfter(LocalDate.parse("2012-01-01"))).isEmpty();
    }

    private static List<String> staleOn(String date) {
        return FigureFamily.staleOn(LocalDate.parse(date), ROWS).stream().map(DatedFigures.Stale::name).toList();
    }

    private static DatedParameter row(String name, String from, String value) {
        return new DatedParameter(name, LocalDate.parse(from), new BigDecimal(value), "test", "test", Instant.EPOCH);
    }
}
