package fr.paris.casvp.guichet.contracts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * Calendar dates as the CASVP counts them: in Paris. Instants are UTC everywhere; a day, a month or a deadline ("two
 * months after reception") is the Paris one, always read from the service's {@link Clock}, never from the machine's.
 */
public final class ParisTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private ParisTime() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    public static YearMonth thisMonth(Clock clock) {
        return YearMonth.from(today(clock));
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
