package fr.paris.casvp.guichet.housing.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * What Paris Logement is decided on: who claims, the household, its resources and its housing, all monthly amounts in
 * euros.
 *
 * @param category          the title of the rulebook the claimant comes under: elderly (II), disabled adult (III),
 *                          family (IV)
 * @param couple            whether the claimant lives as a couple
 * @param children          the dependent children (RM IV/A art. 6 to 8; a child giving right to the ASPEH pro rata counts)
 * @param disabledChildren  how many of them are disabled
 * @param sharedLease       a colocation attested by the lease (RM II 2.1 d/5): each colocataire claims for himself
 * @param tenure            tenant (the only tenure of Paris Logement), buyer or owner (families only)
 * @param leaseholder       whether the claimant holds the lease (RM II 2.1, III 2.1, IV 2.3 b/1)
 * @param resources         the resources of everyone in the home, housing aids excluded (the families' declared income)
 * @param rent              the main rent without the rental charges; a buyer's loan repayments; nothing for an owner
 * @param rentalCharges     the actual rental charges, or the co-ownership charges (major works excluded)
 * @param parking           the charges of one vehicle's parking space (CGI art. 1409)
 * @param housingAid        the housing aid received (allocation logement, APL...)
 * @param housingAidClaimed whether the rights to a housing aid were claimed; without, the home must be decent and not
 *                          overcrowded
 * @param decentHome        whether the home meets the legal standards of occupancy and decency
 * @param unpaidCharges     whether housing charges are unpaid (Paris Logement is then refused, RM b/6)
 * @param alreadyHeld       the housing benefits of the rulebook the household already receives
 * @param residence         where the claimant lives: at home (the general case) or in an establishment (RM II 2.1 d/1 to
 *                          d/4, III 2.1 d/1 to d/4); at home when not said
 */
public record Household(Category category, boolean couple, int children, int disabledChildren, boolean sharedLease, Tenure tenure,
                        boolean leaseholder, BigDecimal resources, BigDecimal rent, BigDecimal rentalCharges, BigDecimal parking,
                        BigDecimal housingAid, boolean housingAidClaimed, boolean decentHome, boolean unpaidCharges,
                        Set<Variant> alreadyHeld, Residence residence) {

    public Household {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(tenure, "tenure");
        if (children < 0 || disabledChildren < 0 || disabledChildren > children) {
            throw new IllegalArgumentException("children " + children + ", disabled " + disabledChildren);
        }
        resources = orZero(resources);
        rent = orZero(rent);
        rentalCharges = orZero(rentalCharges);
        parking = orZero(parking);
        housingAid = orZero(housingAid);
        alreadyHeld = alreadyHeld == null ? Set.of() : Set.copyOf(alreadyHeld);
        residence = residence == null ? Residence.HOME : residence;
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }

    /** The net monthly housing charge: rent, actual charges and parking, less the housing aids (RM b/4). */
    public BigDecimal netHousingCharge() {
        return rent.add(rentalCharges).add(parking).subtract(housingAid);
    }

    /** The title of the rulebook the claimant comes under. */
    public enum Category {
        /** RM titre II: 65 years old, or 60 and unfit for work. */
        ELDERLY,
        /** RM titre III: a disabled adult. */
        DISABLED,
        /** RM titre IV: a family. */
        FAMILY
    }

    /** How the household holds its home. */
    public enum Tenure {
        TENANT, BUYER, OWNER
    }

    /** Where an elderly or disabled claimant lives (RM II 2.1 d/1 to d/4, III 2.1 d/1 to d/4). */
    public enum Residence {
        /** At home: the general case. */
        HOME,
        /** An establishment of the CASVP, in Paris or in its suburbs (d/1): Paris Logement may be paid there. */
        CASVP_ESTABLISHMENT,
        /** A hospital, or an establishment for the elderly or the disabled, whose housing charges cannot be identified (d/2). */
        INSTITUTION_CHARGES_UNIDENTIFIED,
        /** A foyer-logement, with board and lodging paid by the legal social aid (d/3). */
        FOYER_LOGEMENT_SOCIAL_AID,
        /** An establishment whose accommodation is paid by the social aid (or, for the disabled, the social security) (d/4). */
        ACCOMMODATION_PAID_BY_SOCIAL_AID;

        /** Whether it is an establishment: a residence only the elderly and the disabled may have (RM II and III, d/). */
        public boolean establishment() {
            return this != HOME;
        }
    }
}
