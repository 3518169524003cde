package fr.paris.casvp.guichet.contracts.figures;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

/**
 * How a family of dated figures is revalued: every year on a given day (a national figure, by décret, arrêté or
 * circular), or only when the Conseil de Paris decides (no due date, never stale).
 *
 * @param every  the day of the year a new value is due, null when there is no such day
 * @param french how an administrator reads it, e.g. "chaque 1er janvier"
 */
public record Revaluation(MonthDay every, String french) {

    public static final Revaluation ON_DECISION = new Revaluation(null, "quand le Conseil de Paris le décide");

    public static Revaluation yearlyOn(MonthDay day, String french) {
        return new Revaluation(day, french);
    }

    /** The first due date after {@code from} (the day a value took effect); empty when revalued on decision only. */
    public Optional<LocalDate> nextDueAfter(LocalDate from) {
        if (every == null) {
            return Optional.empty();
        }
        LocalDate sameYear = every.atYear(from.getYear());
        return Optional.of(sameYear.isAfter(from) ? sameYear : every.atYear(from.getYear() + 1));
    }
}
