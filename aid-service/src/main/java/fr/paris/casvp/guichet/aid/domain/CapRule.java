package fr.paris.casvp.guichet.aid.domain;

import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.ResidencePeriod;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The household cap of the exceptional aid (RM V.2.1 b/2; RM V.1.1 b/2 without a fixed address), whole: every
 * exceptional aid granted to the members of a household over any 12 rolling months is added up, against 3 287 € (3 years
 * or more of residence in Paris) or 2 830 € (less, or no fixed address). A disaster (sinistre) has its own cap per event,
 * which ordinary aid does not consume. The figures are dated parameters ({@link Figures}, in force on the decision
 * date); the page {@code docs/rules.md} says where they come from and how to change one.
 *
 * <p>Who counts: the person and the members of their household in the registry. Which decisions count: the grants
 * (a refusal, or a grant later reversed on appeal by a refusal, counts for nothing... a grant stays a grant), dated on
 * their decision date. Two decisions for one household are taken one after the other ({@link #lockKey}), so that
 * together they never exceed the cap.
 */
public final class CapRule {

    /** The figures in force on a date (table {@code aid_parameter}). */
    public record Figures(BigDecimal residentThreeYears, BigDecimal residentUnderThreeYears, BigDecimal noFixedAddress,
                          BigDecimal disasterPerEvent, int residenceYearsForHigherCap) {
    }

    /**
     * A decision on an application of a member of the household.
     *
     * @param disasterEvent the disaster's reference for an application of the DISASTER category; null otherwise
     */
    public record PastDecision(LocalDate date, Decision.Outcome outcome, BigDecimal amount, String disasterEvent) {
    }

    /** @param event the disaster's reference for a disaster cap; null for the ordinary cap */
    public record Cap(BigDecimal cap, BigDecimal used, BigDecimal remaining, LocalDate windowStart, LocalDate windowEnd,
                      String event) {

        /** Money in euros with 2 decimals, also when nothing was used. */
        public Cap {
            cap = cap.setScale(2, RoundingMode.UNNECESSARY);
            used = used.setScale(2, RoundingMode.UNNECESSARY);
            remaining = remaining.setScale(2, RoundingMode.UNNECESSARY);
        }

        /** Whether {@code amount} may still be granted. */
        public boolean allows(BigDecimal amount) {
            return amount.compareTo(remaining) <= 0;
        }
    }

    private CapRule() {
    }

    /**
     * The household's cap on {@code date}: a disaster's when {@code disasterEvent} is given, otherwise the ordinary one,
     * whose figure depends on the person's residence.
     *
     * @param decisions every decision on the applications of the household's members ({@link #household})
     */
    public static Cap of(BeneficiarySnapshot beneficiary, String disasterEvent, LocalDate date, Figures figures,
                         List<PastDecision> decisions) {
        List<PastDecision> grants = decisions.stream().filter(d -> d.outcome() == Decision.Outcome.GRANTED).toList();
        if (disasterEvent != null) {
            return disaster(figures.disasterPerEvent(), date, disasterEvent, grants);
        }
        return ordinary(ordinaryCap(beneficiary.situation(), date, figures), date, grants);
    }

    /** The ordinary cap's figure: no fixed address, 3 years of residence or more, or less. */
    static BigDecimal ordinaryCap(BeneficiarySituation situation, LocalDate date, Figures figures) {
        if (situation.noFixedAddress() != null) {
            return figures.noFixedAddress();
        }
        return residedAtLeast(situation.parisResidence(), date, figures.residenceYearsForHigherCap())
                ? figures.residentThreeYears() : figures.residentUnderThreeYears();
    }

    /** The household's members (the person alone when not in a household): whose grants add up in the cap. */
    public static Set<UUID> household(BeneficiarySnapshot snapshot) {
        Set<UUID> members = new LinkedHashSet<>();
        members.add(snapshot.id());
        if (snapshot.household() != null) {
            snapshot.household().members().forEach(member -> members.add(member.beneficiaryId()));
        }
        return members;
    }

    /** What the household's decisions are taken one at a time under: its id, or the person's when alone. */
    public static UUID lockKey(BeneficiarySnapshot snapshot) {
        return snapshot.household() == null ? snapshot.id() : snapshot.household().id();
    }

    /** The 12 months that end on {@code date}, both days included: a grant made 12 months ago to the day is outside. */
    static LocalDate windowStart(LocalDate date) {
        return date.minusMonths(12).plusDays(1);
    }

    static Cap ordinary(BigDecimal cap, LocalDate date, List<PastDecision> grants) {
        LocalDate start = windowStart(date);
        BigDecimal used = grants.stream()
                .filter(g -> g.disasterEvent() == null && !g.date().isBefore(start) && !g.date().isAfter(date))
                .map(PastDecision::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Cap(cap, used, cap.subtract(used).max(BigDecimal.ZERO), start, date, null);
    }

    /** A disaster's cap is per event, whenever its grants were made. */
    static Cap disaster(BigDecimal cap, LocalDate date, String event, List<PastDecision> grants) {
        BigDecimal used = grants.stream().filter(g -> event.equals(g.disasterEvent()) && !g.date().isAfter(date))
                .map(PastDecision::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
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
}
