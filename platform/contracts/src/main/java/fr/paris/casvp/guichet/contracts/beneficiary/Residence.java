package fr.paris.casvp.guichet.contracts.beneficiary;

import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.ResidencePeriod;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Residence in Paris as the rules count it (RM I/A art. 2: "3 years within the 5 years before the application"). */
public final class Residence {

    private Residence() {
    }

    /** Days lived in Paris between {@code from} and {@code to}, all periods added up (an open period runs to {@code to}). */
    public static long daysInParis(List<ResidencePeriod> periods, LocalDate from, LocalDate to) {
        long days = 0;
        for (ResidencePeriod p : periods) {
            if (p.from() == null) {
                continue;
            }
            LocalDate start = from != null && p.from().isBefore(from) ? from : p.from();
            LocalDate end = p.to() == null || p.to().isAfter(to) ? to : p.to();
            if (end.isAfter(start)) {
                days += ChronoUnit.DAYS.between(start, end);
            }
        }
        return days;
    }

    /**
     * Whole years lived in Paris in the 5 years before {@code on}: the days added up, compared with the calendar length
     * of 1, 2... 5 years before {@code on}.
     */
    public static int yearsInLastFive(List<ResidencePeriod> periods, LocalDate on) {
        long days = daysInParis(periods, on.minusYears(5), on);
        int years = 0;
        while (years < 5 && days >= ChronoUnit.DAYS.between(on.minusYears(years + 1), on)) {
            years++;
        }
        return years;
    }
}
