package fr.paris.casvp.guichet.contracts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Calendar dates as the CASVP counts them: in Paris. Instants are UTC everywhere; a day, a month or a deadline ("two
 * months after reception") is the Paris one, always read from the service's {@link Clock}, never from the machine's.
 */
public final class ParisTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.FRANCE);

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

    /** A day as a French letter writes it: "1er décembre 2026", "2 décembre 2026". */
    public static String inWords(LocalDate date) {
        String text = DAY.format(date);
        return date.getDayOfMonth() == 1 ? "1er" + text.substring(1) : text;
    }

    /** The Paris day of an instant, in words ({@link #inWords(LocalDate)}). */
    public static String dayInWords(Instant instant) {
        return inWords(dateOf(instant));
    }

    /** The Paris day and time of an instant: "1er décembre 2026 à 10:07". */
    public static String dayAndTimeInWords(Instant instant) {
        return dayInWords(instant) + " à " + TIME.format(instant.atZone(ZONE));
    }
}
