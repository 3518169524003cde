package fr.paris.casvp.guichet.aid.application;

import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.ResidencePeriod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The caps of RM V.2.1 b/2, without a database: all exceptional aid granted to a household over any 12 rolling months
 * added up, against 3 287 € (3 years or more of residence in Paris) or 2 830 € (less, or no fixed address); a disaster
 * (sinistre) has its own cap per event, which ordinary aid does not consume. The figures come from dated parameters.
 */
final class CapRule {

    private CapRule() {
    }

    /** A grant to a member of the household. {@code disasterEvent} is null for ordinary aid. */
    record Grant(LocalDate date, BigDecimal amount, String disasterEvent) {
    }

    /** @param event the disaster's reference for a disaster cap; null for the ordinary cap */
    record Cap(BigDecimal cap, BigDecimal used, BigDecimal remaining, LocalDate windowStart, LocalDate windowEnd,
               String event) {

        /** Money in euros with 2 decimals, also when nothing was used. */
        Cap {
            cap = cap.setScale(2, RoundingMode.UNNECESSARY);
            used = used.setScale(2, RoundingMode.UNNECESSARY);
            remaining = remaining.setScale(2, RoundingMode.UNNECESSARY);
        }
    }

    /** The 12 months that end on {@code date}, both days included: a grant made 12 months ago to the day is outside. */
    static LocalDate windowStart(LocalDate date) {
        return date.minusMonths(12).plusDays(1);
    }

    static Cap ordinary(BigDecimal cap, LocalDate date, List<Grant> grants) {
        LocalDate start = windowStart(date);
        BigDecimal used = grants.stream()
                .filter(g -> g.disasterEvent() == null && !g.date().isBefore(start) && !g.date().isAfter(date))
                .map(Grant::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Cap(cap, used, cap.subtract(used).max(BigDecimal.ZERO), start, date, null);
    }

    /** A disaster's cap is per event, whenever its grants were made. */
    static Cap disaster(BigDecimal cap, LocalDate date, String event, List<Grant> grants) {
        BigDecimal used = grants.stream().filter(g -> event.equals(g.disasterEvent()) && !g.date().isAfter(date))
                .map(Grant::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Cap(cap, used, cap.subtract(used).max(BigDecimal.ZERO), null, date, event);
    }

    /** Days lived in Paris up to {@code date}, all periods added up (an open period runs to {@code date}). */
    static long daysInParis(List<ResidencePeriod> periods, LocalDate date) {
        long days = 0;
        for (ResidencePeriod period : periods) {
            if (period.from() == null || period.from().isAfter(date)) {
                continue;
            }
            LocalDate to = period.to() == null || period.to().isAfter(date) ? date : period.to();
            days += ChronoUnit.DAYS.between(period.from(), to);
        }
        return days;
    }

    /** Whether the residence in Paris adds up to {@code years} or more on {@code date}. */
    static boolean residedAtLeast(List<ResidencePeriod> periods, LocalDate date, int years) {
        return daysInParis(periods, date) >= ChronoUnit.DAYS.between(date.minusYears(years), date);
    }

    /** Domicile in Paris for at least {@code months} on {@code date} (RM V.2.1 b/1): the current period is long enough. */
    static boolean domiciledFor(LocalDate livesInParisSince, LocalDate date, int months) {
        return livesInParisSince != null && !livesInParisSince.plusMonths(months).isAfter(date);
    }
}
