package fr.paris.casvp.guichet.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

class TimeRulesTest {

    private static final String FIXTURE = "fr.paris.casvp.guichet.timefixture.WallClockReaders$";

    private final JavaClasses fixture = new ClassFileImporter().importPackages("fr.paris.casvp.guichet.timefixture");

    @Test
    void everyWayOfReadingTheWallClockIsRefusedAndNamed() {
        EvaluationResult result = TimeRules.TIME_COMES_FROM_A_CLOCK.evaluate(fixture);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains(FIXTURE + "LocalDateNow.today()", "LocalDate.now()"))
                .anySatisfy(line -> assertThat(line).contains(FIXTURE + "YearMonthInParis.month()", "YearMonth.now(java.time.ZoneId)"))
                .anySatisfy(line -> assertThat(line).contains(FIXTURE + "InstantNow.now()", "Instant.now()"))
                .anySatisfy(line -> assertThat(line).contains(FIXTURE + "Millis.now()", "System.currentTimeMillis()"))
                .anySatisfy(line -> assertThat(line).contains(FIXTURE + "NewDate.now()", "Date.<init>()"))
                .anySatisfy(line -> assertThat(line).contains(FIXTURE + "OwnSystemClock.clock()", "Clock.systemUTC()"))
                .noneSatisfy(line -> assertThat(line).contains("FromTheClock"))
                .noneSatisfy(line -> assertThat(line).contains("ClockConfiguration"))
                .hasSize(6);
    }

    @Test
    void theFailureNamesTheRuleAndTheWayOut() {
        assertThatThrownBy(() -> TimeRules.TIME_COMES_FROM_A_CLOCK.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(TimeRules.NAME)
                .hasMessageContaining("LocalDate.now(clock)");
    }
}
