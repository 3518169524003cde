package fr.paris.casvp.guichet.housing.domain;

import fr.paris.casvp.guichet.housing.domain.Household.Category;
import fr.paris.casvp.guichet.housing.domain.Household.Tenure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Paris Logement and its family allowances, read whole from the règlement municipal: which allowance a household comes
 * under, its conditions and its monthly amount.
 *
 * <ul>
 *   <li>The elderly (RM II 2.1) and the disabled (III 2.1), alone or as a couple without a child or with one: tenants
 *       holding the lease, resources at most the ceiling (the net SMIC rounded up to the ten; 1 600 € for a couple with
 *       a child), an effort rate of at least 30 % counting the flat-rate charges and resources of at least the ASPA;
 *       84, 95 or 116 € a month. In an establishment of the CASVP (d/1) as at home; not in one whose housing charges
 *       cannot be identified (d/2), nor when the social aid pays the accommodation (d/3, d/4).</li>
 *   <li>Families (IV 2.1): two children or more, or a disabled child; the amount by the children and the declared
 *       income.</li>
 *   <li>A parent alone (IV 2.2): 150 € up to the net SMIC rounded up to the ten, 128 € up to 1 600 €; with two children
 *       or a disabled child, Paris Logement Familles when it gives more (d/2).</li>
 *   <li>A couple with one child (IV 2.3): as the elderly's, without the ASPA floor; 116 €, 1 600 € at most.</li>
 * </ul>
 * Every allowance is at most the net housing charge, needs the rights to housing aids claimed (or a decent home), no
 * unpaid housing charges, and does not add up with another housing allowance of the rulebook.
 */
public final class ParisLogement {

    private ParisLogement() {
    }

    /** What the rules give this household with the figures in force. */
    public static Assessment assess(Household household, HousingFigures figures) {
        if (household.category() != Category.FAMILY
                && (household.children() == 0 || household.couple() && household.children() == 1)) {
            return withEffortRate(household, figures, household.category() == Category.ELDERLY ? Variant.ELDERLY : Variant.DISABLED);
        }
        boolean large = household.children() >= 2 || household.disabledChildren() >= 1;
        if (household.couple()) {
            if (household.children() == 0) {
                return notCovered(household);
            }
            return large ? families(household, figures) : withEffortRate(household, figures, Variant.COUPLE_WITH_CHILD);
        }
        if (household.children() == 0) {
            return notCovered(household);
        }
        Assessment alone = singleParent(household, figures);
        if (!large) {
            return alone;
        }
        Assessment families = families(household, figures);
        return families.granted() && (!alone.granted() || families.amount().compareTo(alone.amount()) > 0) ? families : alone;
    }

    /** RM II 2.1, III 2.1 and IV 2.3: a tenant holding the lease, under a ceiling, with an effort rate of 30 % or more. */
    private static Assessment withEffortRate(Household household, HousingFigures figures, Variant variant) {
        List<Reason> reasons = new ArrayList<>();
        boolean withChild = household.children() == 1;
        switch (household.residence()) {
            case INSTITUTION_CHARGES_UNIDENTIFIED -> reasons.add(Reason.CHARGES_NOT_IDENTIFIED);
            case FOYER_LOGEMENT_SOCIAL_AID, ACCOMMODATION_PAID_BY_SOCIAL_AID -> reasons.add(Reason.ACCOMMODATION_PAID_BY_SOCIAL_AID);
            case HOME, CASVP_ESTABLISHMENT -> { }
        }
        if (household.tenure() != Tenure.TENANT) {
            reasons.add(Reason.NOT_A_TENANT);
        } else if (!household.leaseholder()) {
            reasons.add(Reason.NOT_LEASEHOLDER);
        }
        BigDecimal ceiling = withChild ? figures.value("ceiling.couple-child") : figures.smicCeiling();
        if (household.resources().compareTo(ceiling) > 0) {
            reasons.add(Reason.RESOURCES_ABOVE_CEILING);
        }
        boolean floored = variant == Variant.ELDERLY || variant == Variant.DISABLED;
        BigDecimal retained = floored ? household.resources().max(figures.aspaMonthly(household.couple())) : household.resources();
        BigDecimal flat = figures.flatCharges(household.sharedLease() && !household.couple(), household.children());
        BigDecimal burden = household.rent().add(household.parking()).add(flat).subtract(household.housingAid());
        if (burden.compareTo(figures.value("effort.minimum").multiply(retained)) < 0) {
            reasons.add(Reason.EFFORT_BELOW_MINIMUM);
        }
        BigDecimal effort = retained.signum() == 0 ? null : burden.divide(retained, 4, RoundingMode.HALF_UP);
        BigDecimal scheduled = figures.value(withChild ? "amount.couple-child" : household.couple() ? "amount.couple" : "amount.single");
        return common(household, variant, reasons, ceiling, retained, effort, flat, scheduled);
    }

    /** RM IV 2.1: by the number of children and the declared income; the most favourable line of the annex. */
    private static Assessment families(Household household, HousingFigures figures) {
        int children = household.children();
        BigDecimal income = household.resources();
        BigDecimal beyondThree = BigDecimal.valueOf(Math.max(0, children - 3));
        BigDecimal best = null;
        BigDecimal ceiling;
        if (household.disabledChildren() >= 1 || children >= 3) {
            ceiling = figures.value("families.upper.ceiling");
            BigDecimal large = figures.value("families.large").add(figures.value("families.large.per-child").multiply(beyondThree));
            if (household.disabledChildren() >= 1 && income.compareTo(ceiling) <= 0
                    || children >= 3 && income.compareTo(figures.value("families.large.ceiling")) <= 0) {
                best = large;
            } else if (children >= 3 && income.compareTo(ceiling) <= 0) {
                best = figures.value("families.upper").add(figures.value("families.upper.per-child").multiply(beyondThree));
            }
        } else {
            ceiling = figures.value("families.two-children.ceiling");
            if (income.compareTo(ceiling) <= 0) {
                best = figures.value("families.two-children");
            }
        }
        List<Reason> reasons = new ArrayList<>();
        if (best == null) {
            reasons.add(Reason.RESOURCES_ABOVE_CEILING);
        }
        return common(household, Variant.FAMILIES, reasons, ceiling, income, null, null, best == null ? BigDecimal.ZERO : best);
    }

    /** RM IV 2.2: 150 € up to the net SMIC rounded up to the ten, 128 € up to the ceiling. */
    private static Assessment singleParent(Household household, HousingFigures figures) {
        BigDecimal income = household.resources();
        BigDecimal ceiling = figures.value("single-parent.ceiling");
        List<Reason> reasons = new ArrayList<>();
        BigDecimal scheduled = BigDecimal.ZERO;
        if (income.compareTo(figures.smicCeiling()) <= 0) {
            scheduled = figures.value("single-parent.low");
        } else if (income.compareTo(ceiling) <= 0) {
            scheduled = figures.value("single-parent.high");
        } else {
            reasons.add(Reason.RESOURCES_ABOVE_CEILING);
        }
        return common(household, Variant.SINGLE_PARENT, reasons, ceiling, income, null, null, scheduled);
    }

    /** The conditions every allowance shares, and the cap: at most the net housing charge. */
    private static Assessment common(Household household, Variant variant, List<Reason> reasons, BigDecimal ceiling,
                                     BigDecimal retained, BigDecimal effort, BigDecimal flat, BigDecimal scheduled) {
        if (!household.housingAidClaimed() && !household.decentHome()) {
            reasons.add(Reason.HOUSING_AID_NOT_CLAIMED);
        }
        if (household.unpaidCharges()) {
            reasons.add(Reason.UNPAID_CHARGES);
        }
        Set<Variant> others = new HashSet<>(household.alreadyHeld());
        others.remove(variant);
        if (!others.isEmpty()) {
            reasons.add(Reason.NOT_CUMULABLE);
        }
        BigDecimal net = household.netHousingCharge();
        if (net.signum() <= 0) {
            reasons.add(Reason.NO_NET_HOUSING_CHARGE);
        }
        BigDecimal amount = reasons.isEmpty() ? scheduled.min(net).setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO.setScale(2);
        return new Assessment(variant, amount, reasons, ceiling, retained, effort, flat, net, scheduled);
    }

    private static Assessment notCovered(Household household) {
        return new Assessment(Variant.FAMILIES, BigDecimal.ZERO.setScale(2), List.of(Reason.HOUSEHOLD_NOT_COVERED), null,
                household.resources(), null, null, household.netHousingCharge(), BigDecimal.ZERO);
    }
}
