package fr.paris.casvp.guichet.timefixture;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;

/** Classes that the time rule must refuse, and one it must accept (TimeRulesTest). */
final class WallClockReaders {

    static final class LocalDateNow {
        LocalDate today() {
            return LocalDate.now();
        }
    }

    static final class YearMonthInParis {
        YearMonth month() {
            return YearMonth.now(ZoneId.of("Europe/Paris"));
        }
    }

    static final class InstantNow {
        Instant now() {
            return Instant.now();
        }
    }

    static final class Millis {
        long now() {
            return System.currentTimeMillis();
        }
    }

    static final class NewDate {
        Date now() {
            return new Date();
        }
    }

    static final class OwnSystemClock {
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    static final class FromTheClock {
        private final Clock clock;

        FromTheClock(Clock clock) {
            this.clock = clock;
        }

        LocalDate today() {
            return LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris")));
        }

        Instant now() {
            return Instant.now(clock);
        }

        Date then(long millis) {
            return new Date(millis);
        }

        long elapsed(long startNanos) {
            return System.nanoTime() - startNanos;
        }
    }

    static final class ClockConfiguration {
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
