package fr.paris.casvp.guichet.solidarity.revaluation;

import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.figures.FigureConsequences;
import fr.paris.casvp.guichet.figures.FigureProposal;
import fr.paris.casvp.guichet.messaging.replica.BeneficiaryReplica;
import fr.paris.casvp.guichet.solidarity.allowance.ParameterStore;
import fr.paris.casvp.guichet.solidarity.domain.Allowance;
import fr.paris.casvp.guichet.solidarity.domain.DatedParameter;
import fr.paris.casvp.guichet.solidarity.domain.HouseholdFacts;
import fr.paris.casvp.guichet.solidarity.domain.MonthlyPayment;
import fr.paris.casvp.guichet.solidarity.file.SituationChangeService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * What a new value of a figure changes, computed as the monthly payment run computes (the month's figures, the
 * beneficiary's current data): before it is approved, its impact, section by section; once its date has come, the grants
 * in force recomputed (each change published, and told to the person), and the months already paid since its date
 * settled as arrears or overpayments that the next payment run carries. The platform's proposals
 * ({@code platform/figures} {@code FigureProposals}) ask it, as Paris Solidarité's {@link FigureConsequences}.
 */
@Service
class Revaluations implements FigureConsequences {

    /**
     * What a new value changes in a section (or in all: {@code section} "*").
     *
     * @param grants             grants in force in the month
     * @param grantsChanged      of which the monthly amount changes
     * @param monthlyTotalBefore what those grants pay for the month with the figures as they are
     * @param monthlyTotalAfter  with the new value
     * @param applications       applications not decided yet, received from its date on
     * @param applicationsChanged of which the amount changes
     * @param paidMonthsChanged  months already paid from its date on whose amount changes: arrears or overpayments
     * @param arrears            their total: positive, owed to the people; negative, overpaid
     */
    record SectionImpact(String section, int grants, int grantsChanged, BigDecimal monthlyTotalBefore,
                         BigDecimal monthlyTotalAfter, int applications, int applicationsChanged, int paidMonthsChanged,
                         BigDecimal arrears) {

        static SectionImpact none(String section) {
            return new SectionImpact(section, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, BigDecimal.ZERO);
        }

        SectionImpact grant(BigDecimal before, BigDecimal after) {
            return new SectionImpact(section, grants + 1, grantsChanged + (before.compareTo(after) != 0 ? 1 : 0),
                    monthlyTotalBefore.add(before), monthlyTotalAfter.add(after), applications, applicationsChanged,
                    paidMonthsChanged, arrears);
        }

        SectionImpact application(boolean changed) {
            return new SectionImpact(section, grants, grantsChanged, monthlyTotalBefore, monthlyTotalAfter, applications + 1,
                    applicationsChanged + (changed ? 1 : 0), paidMonthsChanged, arrears);
        }

        SectionImpact paidMonth(BigDecimal difference) {
            return new SectionImpact(section, grants, grantsChanged, monthlyTotalBefore, monthlyTotalAfter, applications,
                    applicationsChanged, paidMonthsChanged + 1, arrears.add(difference));
        }

        SectionImpact plus(SectionImpact other) {
            return new SectionImpact(section, grants + other.grants, grantsChanged + other.grantsChanged,
                    monthlyTotalBefore.add(other.monthlyTotalBefore), monthlyTotalAfter.add(other.monthlyTotalAfter),
                    applications + other.applications, applicationsChanged + other.applicationsChanged,
                    paidMonthsChanged + other.paidMonthsChanged, arrears.add(other.arrears));
        }
    }

    /** @param month the month whose grants are compared: the value's first month, or this month if it is later */
    record Impact(YearMonth month, List<SectionImpact> sections, SectionImpact total) {
    }

    private final RevaluationStore store;
    private final ParameterStore parameters;
    private final BeneficiaryReplica replica;
    private final SituationChangeService situations;
    private final Clock clock;

    Revaluations(RevaluationStore store, ParameterStore parameters, BeneficiaryReplica replica, SituationChangeService situations,
                 Clock clock) {
        this.store = store;
        this.parameters = parameters;
        this.replica = replica;
        this.situations = situations;
        this.clock = clock;
    }

    /** The impact of a proposed value, per section, compared with the figures as they are. */
    @Override
    public Impact impact(FigureProposal proposal) {
        List<DatedParameter> before = parameters.all();
        List<DatedParameter> after = new ArrayList<>(before);
        after.add(new DatedParameter(proposal.name(), proposal.effectiveFrom(), proposal.value(), proposal.source(),
                proposal.proposedBy(), proposal.proposedAt()));
        YearMonth month = max(YearMonth.from(proposal.effectiveFrom()), ParisTime.thisMonth(clock));
        Map<String, SectionImpact> sections = new TreeMap<>();
        for (RevaluationStore.GrantInForce grant : store.grantsInForce(month)) {
            sections.compute(grant.section(), (s, impact) -> (impact == null ? SectionImpact.none(s) : impact)
                    .grant(paid(grant, month, before), paid(grant, month, after)));
        }
        for (RevaluationStore.OpenApplication application : store.openApplications(proposal.effectiveFrom())) {
            boolean changed = amount(application, before).compareTo(amount(application, after)) != 0;
            sections.compute(application.section(), (s, impact) -> (impact == null ? SectionImpact.none(s) : impact)
                    .application(changed));
        }
        for (RevaluationStore.PaidMonth paid : store.paidSince(proposal.effectiveFrom())) {
            BigDecimal difference = paid(paid.grant(), paid.month(), after).subtract(paid.paid());
            if (difference.signum() != 0) {
                sections.compute(paid.grant().section(), (s, impact) -> (impact == null ? SectionImpact.none(s) : impact)
                        .paidMonth(difference));
            }
        }
        SectionImpact total = sections.values().stream().reduce(SectionImpact.none("*"), SectionImpact::plus);
        return new Impact(month, List.copyOf(sections.values()), total);
    }

    /**
     * A value whose date has come: the grants in force are re-examined with the figures of this month (an amount that
     * changes is published, and the person told), and every month already paid from its date on whose amount changes
     * gets its arrear or overpayment, which the grant's next payment run carries.
     *
     * @return how many months already paid became arrears or overpayments
     */
    @Override
    public int apply(FigureProposal proposal, Instant now) {
        situations.reexamineActiveGrants(now);
        List<DatedParameter> figures = parameters.all();
        String reason = proposal.name() + " " + proposal.value().toPlainString() + " from " + proposal.effectiveFrom();
        int adjusted = 0;
        for (RevaluationStore.PaidMonth paid : store.paidSince(proposal.effectiveFrom())) {
            BigDecimal due = paid(paid.grant(), paid.month(), figures);
            if (due.compareTo(paid.paid()) != 0) {
                store.addAdjustment(paid.grant().due().grantId(), paid.month(), paid.paid(), due, reason, now);
                adjusted++;
            }
        }
        return adjusted;
    }

    /** What the payment run pays a grant for the month with these figures (0 when it skips it). */
    private BigDecimal paid(RevaluationStore.GrantInForce grant, YearMonth month, List<DatedParameter> figures) {
        MonthlyPayment payment = MonthlyPayment.of(month, grant.due(), grant.person(), replica::find,
                DatedParameter.inForce(figures, month.atDay(1)));
        return payment.status() == MonthlyPayment.Status.ORDERED ? payment.amount() : BigDecimal.ZERO.setScale(2);
    }

    /** What an open application would be granted for its month of reception with these figures. */
    private BigDecimal amount(RevaluationStore.OpenApplication application, List<DatedParameter> figures) {
        if (application.person() == null || application.person().situation() == null) {
            return BigDecimal.ZERO;
        }
        HouseholdFacts facts = HouseholdFacts.of(application.person(), replica::find, application.month());
        Allowance.Parameters inForce = DatedParameter.inForce(figures, application.month().atDay(1));
        return facts.stops().isEmpty() ? Allowance.compute(facts.household(), inForce).monthlyAmount() : BigDecimal.ZERO;
    }

    private static YearMonth max(YearMonth a, YearMonth b) {
        return Comparator.<YearMonth>naturalOrder().compare(a, b) >= 0 ? a : b;
    }
}
