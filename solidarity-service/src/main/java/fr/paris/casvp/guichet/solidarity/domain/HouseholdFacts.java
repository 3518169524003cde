package fr.paris.casvp.guichet.solidarity.domain;

import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.NationalBenefitType;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.ResidencePeriod;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot.MemberRole;
import fr.paris.casvp.guichet.contracts.beneficiary.Residence;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the registry's snapshots say of a household for a month: the {@link Allowance.Household} to compute, and what
 * stops payment whatever the amount (death, a move out of Paris, more than 3 months away from home: RM I/B art. 7-8,
 * II.1.1 d/4).
 */
public record HouseholdFacts(Allowance.Household household, List<String> stops, LocalDate stopsFrom) {

    public static final String DECEASED = "DECEASED";
    static final String MOVED_OUT_OF_PARIS = "MOVED_OUT_OF_PARIS";
    static final String AWAY_FROM_HOME = "AWAY_FROM_HOME";
    static final String HOUSEHOLD_INCOMPLETE = "HOUSEHOLD_INCOMPLETE";
    /** More than this many months away from the Paris home stops payment (RM II.1.1 d/4). */
    static final int MONTHS_AWAY_ALLOWED = 3;

    /** The spouse (or the applicant, when this person is the spouse) of the household, if any. */
    public static Optional<UUID> partnerOf(BeneficiarySnapshot snapshot) {
        if (snapshot.household() == null || snapshot.household().role() == MemberRole.DEPENDANT) {
            return Optional.empty();
        }
        MemberRole partnerRole = snapshot.household().role() == MemberRole.APPLICANT ? MemberRole.SPOUSE : MemberRole.APPLICANT;
        return snapshot.household().members().stream().filter(m -> m.role() == partnerRole)
                .map(BeneficiarySnapshot.Member::beneficiaryId).findFirst();
    }

    /**
     * The facts of {@code person}'s household for {@code month}, the partner looked up with {@code snapshots} (this
     * service's replica of the registry).
     */
    public static HouseholdFacts of(BeneficiarySnapshot person, Function<UUID, Optional<BeneficiarySnapshot>> snapshots,
                                    YearMonth month) {
        Optional<UUID> partnerId = partnerOf(person);
        BeneficiarySnapshot partner = partnerId.flatMap(snapshots).orElse(null);
        return of(person, partner, partnerId.isPresent() && partner == null, month);
    }

    /**
     * @param partner the partner's snapshot; null when alone, or when the partner is not in the replica
     *                ({@code partnerMissing}): then nothing is computed for a household whose resources are unknown
     */
    public static HouseholdFacts of(BeneficiarySnapshot person, BeneficiarySnapshot partner, boolean partnerMissing, YearMonth month) {
        LocalDate firstDay = month.atDay(1);
        BeneficiarySituation s = person.situation();
        List<String> stops = new ArrayList<>();
        LocalDate from = null;
        if (s.deceasedOn() != null && !s.deceasedOn().isAfter(firstDay)) {
            stops.add(DECEASED);
            from = s.deceasedOn();
        }
        if (s.noFixedAddress() == null && person.livesInParisSince() == null) {
            stops.add(MOVED_OUT_OF_PARIS);
            LocalDate left = s.parisResidence().isEmpty() ? null : s.parisResidence().get(s.parisResidence().size() - 1).to();
            from = min(from, left == null ? firstDay : left);
        }
        if (s.awayFromHomeSince() != null && s.awayFromHomeSince().plusMonths(MONTHS_AWAY_ALLOWED).isBefore(firstDay)) {
            stops.add(AWAY_FROM_HOME);
            from = min(from, s.awayFromHomeSince().plusMonths(MONTHS_AWAY_ALLOWED));
        }
        if (partnerMissing) {
            stops.add(HOUSEHOLD_INCOMPLETE);
            from = min(from, firstDay);
        }
        BigDecimal resources = resources(s).add(partner == null ? BigDecimal.ZERO : resources(partner.situation()));
        Allowance.Household household = new Allowance.Household(month, person(s, firstDay),
                partner == null ? null : person(partner.situation(), firstDay), yearsInParisInLastFive(s.parisResidence(), firstDay),
                resources);
        return new HouseholdFacts(household, List.copyOf(stops), from);
    }

    private static Allowance.Person person(BeneficiarySituation s, LocalDate on) {
        boolean disabled = s.disabilityEvidence().stream().anyMatch(e -> e.since() == null || !e.since().isAfter(on))
                || s.nationalBenefits().stream().anyMatch(b -> b.type() == NationalBenefitType.AAH);
        boolean unfit = s.unfitForWorkSince() != null && !s.unfitForWorkSince().isAfter(on);
        return new Allowance.Person(s.identity().birthDate(), disabled, unfit);
    }

    private static BigDecimal resources(BeneficiarySituation s) {
        return s.monthlyResources().stream().map(BeneficiarySituation.MonthlyResource::amount)
                .filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Whole years lived in Paris in the 5 years before {@code on} (RM I/A art. 2). */
    static int yearsInParisInLastFive(List<ResidencePeriod> periods, LocalDate on) {
        return Residence.yearsInLastFive(periods, on);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
