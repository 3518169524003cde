package fr.paris.casvp.guichet.housing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.paris.casvp.guichet.housing.domain.Household.Category;
import fr.paris.casvp.guichet.housing.domain.Household.Residence;
import fr.paris.casvp.guichet.housing.domain.Household.Tenure;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Paris Logement's rules at their edges, with the figures shipped: on 1 June 2019, those of the rulebook's annex
 * (ceiling: the net SMIC 1 204,19 € rounded up to 1 210 €; flat-rate charges 53,67 €, 26,83 € for a colocataire,
 * 65,83 € for a couple with a child; the monthly ASPA 868,20 € alone, 1 347,88 € as a couple); in December 2026, today's.
 */
class ParisLogementTest {

    private static final HousingFigures ANNEX = HousingFigures.shippedOn(LocalDate.of(2019, 6, 1));
    private static final HousingFigures TODAY = HousingFigures.shippedOn(LocalDate.of(2026, 12, 5));

    @Test
    void theAnnexsFiguresOnTheFirstOfJune2019() {
        assertThat(ANNEX.smicCeiling()).isEqualByComparingTo("1210");
        assertThat(ANNEX.flatCharges(false, 0)).isEqualByComparingTo("53.67");
        assertThat(ANNEX.flatCharges(true, 0)).isEqualByComparingTo("26.83");
        assertThat(ANNEX.flatCharges(false, 1)).isEqualByComparingTo("65.83");
        assertThat(ANNEX.aspaMonthly(false)).isEqualByComparingTo("868.20");
        assertThat(ANNEX.aspaMonthly(true)).isEqualByComparingTo("1347.88");
    }

    @Test
    void anElderlyPersonAloneAtTheCeilingIsGrantedACentAboveIsNot() {
        Assessment atCeiling = ParisLogement.assess(elderly().resources("1210.00").rent("500").build(), ANNEX);
        assertThat(atCeiling.granted()).isTrue();
        assertThat(atCeiling.variant()).isEqualTo(Variant.ELDERLY);
        assertThat(atCeiling.amount()).isEqualByComparingTo("84");
        assertThat(atCeiling.ceiling()).isEqualByComparingTo("1210");

        Assessment above = ParisLogement.assess(elderly().resources("1210.01").rent("500").build(), ANNEX);
        assertThat(above.reasons()).containsExactly(Reason.RESOURCES_ABOVE_CEILING);
        assertThat(above.amount()).isZero();
    }

    @Test
    void anEffortRateOfExactlyThirtyPercentIsEnoughACentLessIsNot() {
        // (246,33 + 53,67) / 1 000 = 30 %.
        Assessment thirty = ParisLogement.assess(elderly().resources("1000").rent("246.33").build(), ANNEX);
        assertThat(thirty.granted()).isTrue();
        assertThat(thirty.effortRate()).isEqualByComparingTo("0.3000");
        assertThat(thirty.flatCharges()).isEqualByComparingTo("53.67");

        Assessment below = ParisLogement.assess(elderly().resources("1000").rent("246.32").build(), ANNEX);
        assertThat(below.reasons()).containsExactly(Reason.EFFORT_BELOW_MINIMUM);
        assertThat(below.effortRate()).isEqualByComparingTo("0.3000");
    }

    @Test
    void theResourcesOfTheElderlyAndTheDisabledCountForAtLeastTheAspa() {
        // 500 € counted as 868,20 €: 30 % of it is 260,46 €, rent 206,79 € + 53,67 €.
        Assessment floored = ParisLogement.assess(elderly().resources("500").rent("206.79").build(), ANNEX);
        assertThat(floored.resourcesRetained()).isEqualByComparingTo("868.20");
        assertThat(floored.granted()).isTrue();
        assertThat(ParisLogement.assess(elderly().resources("500").rent("206.78").build(), ANNEX).reasons())
                .containsExactly(Reason.EFFORT_BELOW_MINIMUM);
        Assessment disabledCouple = ParisLogement.assess(new Builder(Category.DISABLED).couple().resources("900").rent("360").build(), ANNEX);
        assertThat(disabledCouple.variant()).isEqualTo(Variant.DISABLED);
        assertThat(disabledCouple.resourcesRetained()).isEqualByComparingTo("1347.88");
        assertThat(disabledCouple.amount()).isEqualByComparingTo("95");
    }

    @Test
    void aColocatairesFlatRateChargesAreHalfAndTheHousingAidIsDeducted() {
        // (273,17 + 26,83) / 1 000 = 30 %.
        assertThat(ParisLogement.assess(elderly().sharedLease().resources("1000").rent("273.17").build(), ANNEX).granted()).isTrue();
        assertThat(ParisLogement.assess(elderly().sharedLease().resources("1000").rent("273.16").build(), ANNEX).reasons())
                .containsExactly(Reason.EFFORT_BELOW_MINIMUM);
        // (600 + 53,67 − 353,67) / 1 000 = 30 %.
        assertThat(ParisLogement.assess(elderly().resources("1000").rent("600").aid("353.67").build(), ANNEX).granted()).isTrue();
        assertThat(ParisLogement.assess(elderly().resources("1000").rent("600").aid("353.68").build(), ANNEX).reasons())
                .containsExactly(Reason.EFFORT_BELOW_MINIMUM);
    }

    @Test
    void aCoupleWithAChildHasTheCeilingOf1600AndTheChildsFlatRateCharges() {
        Assessment elderly = ParisLogement.assess(elderly().couple().children(1).resources("1600").rent("500").build(), ANNEX);
        assertThat(elderly.variant()).isEqualTo(Variant.ELDERLY);
        assertThat(elderly.amount()).isEqualByComparingTo("116");
        assertThat(elderly.flatCharges()).isEqualByComparingTo("65.83");
        assertThat(ParisLogement.assess(elderly().couple().children(1).resources("1600.01").rent("500").build(), ANNEX).reasons())
                .containsExactly(Reason.RESOURCES_ABOVE_CEILING);

        // RM IV 2.3: no ASPA floor; (414,17 + 65,83) / 1 600 = 30 %.
        Assessment family = ParisLogement.assess(family().couple().children(1).resources("1600").rent("414.17").build(), ANNEX);
        assertThat(family.variant()).isEqualTo(Variant.COUPLE_WITH_CHILD);
        assertThat(family.granted()).isTrue();
        assertThat(family.amount()).isEqualByComparingTo("116");
        assertThat(ParisLogement.assess(family().couple().children(1).resources("1600").rent("414.16").build(), ANNEX).reasons())
                .containsExactly(Reason.EFFORT_BELOW_MINIMUM);
    }

    /** RM II 2.1 d/1 to d/4 and III 2.1 d/1 to d/4: in an establishment. */
    @Test
    void inAnEstablishmentOfTheCasvpAsAtHomeNotWhereChargesAreUnknownOrTheSocialAidPaysTheAccommodation() {
        Builder atThirty = elderly().resources("1000").rent("246.33");
        assertThat(ParisLogement.assess(atThirty.living(Residence.CASVP_ESTABLISHMENT).build(), ANNEX).amount()).isEqualByComparingTo("84");
        assertThat(ParisLogement.assess(atThirty.living(Residence.INSTITUTION_CHARGES_UNIDENTIFIED).build(), ANNEX).reasons())
                .containsExactly(Reason.CHARGES_NOT_IDENTIFIED);
        assertThat(ParisLogement.assess(atThirty.living(Residence.FOYER_LOGEMENT_SOCIAL_AID).build(), ANNEX).reasons())
                .containsExactly(Reason.ACCOMMODATION_PAID_BY_SOCIAL_AID);
        Assessment disabled = ParisLogement.assess(new Builder(Category.DISABLED).resources("1000").rent("246.33")
                .living(Residence.ACCOMMODATION_PAID_BY_SOCIAL_AID).build(), ANNEX);
        assertThat(disabled.reasons()).containsExactly(Reason.ACCOMMODATION_PAID_BY_SOCIAL_AID);
        assertThat(disabled.amount()).isZero();
        assertThat(Reason.ACCOMMODATION_PAID_BY_SOCIAL_AID.article()).isEqualTo("RM II 2.1 d/3 et d/4, III 2.1 d/3 et d/4");
        assertThat(elderly().build().residence()).as("at home when not said").isEqualTo(Residence.HOME);
    }

    @Test
    void theAllowanceIsAtMostTheNetHousingCharge() {
        // A couple with a child and little resources: rent 90 €, nothing else; 116 € capped at 90 €.
        Assessment capped = ParisLogement.assess(family().couple().children(1).resources("200").rent("90").build(), ANNEX);
        assertThat(capped.scheduled()).isEqualByComparingTo("116");
        assertThat(capped.amount()).isEqualByComparingTo("90");
        // A family of two children whose housing aid leaves 50 € of the rent and charges.
        Assessment families = ParisLogement.assess(family().couple().children(2).resources("1800").rent("280").charges("20").aid("250")
                .build(), ANNEX);
        assertThat(families.variant()).isEqualTo(Variant.FAMILIES);
        assertThat(families.amount()).isEqualByComparingTo("50");
        assertThat(ParisLogement.assess(family().couple().children(2).resources("1800").rent("280").aid("280").build(), ANNEX).reasons())
                .containsExactly(Reason.NO_NET_HOUSING_CHARGE);
    }

    @Test
    void parisLogementFamillesByChildrenAndIncomeAtEachCeiling() {
        assertThat(families(2, 0, "2000")).isEqualByComparingTo("116");
        assertThat(families(2, 0, "2000.01")).isNull();
        assertThat(families(3, 0, "3000")).isEqualByComparingTo("128");
        assertThat(families(4, 0, "3000")).isEqualByComparingTo("169");
        assertThat(families(4, 0, "3000.01")).isEqualByComparingTo("105");
        assertThat(families(5, 0, "5000")).isEqualByComparingTo("126");
        assertThat(families(5, 0, "5000.01")).isNull();
        assertThat(families(1, 1, "5000")).isEqualByComparingTo("128");
        assertThat(families(4, 1, "4000")).as("a disabled child: the better line").isEqualByComparingTo("169");
        assertThat(families(1, 1, "5000.01")).isNull();
    }

    @Test
    void aParentAloneUpToTheSmicThenUpTo1600AndParisLogementFamillesWhenItGivesMore() {
        // Today: the net SMIC 1 477,96 € (1 June 2026) rounded up to 1 480 €.
        assertThat(TODAY.smicCeiling()).isEqualByComparingTo("1480");
        assertThat(parentAlone(1, "1480").amount()).isEqualByComparingTo("150");
        assertThat(parentAlone(1, "1480.01").amount()).isEqualByComparingTo("128");
        assertThat(parentAlone(1, "1600").amount()).isEqualByComparingTo("128");
        assertThat(parentAlone(1, "1600.01").reasons()).containsExactly(Reason.RESOURCES_ABOVE_CEILING);
        assertThat(parentAlone(2, "1500").variant()).as("128 € alone against 116 € as a family").isEqualTo(Variant.SINGLE_PARENT);
        Assessment four = parentAlone(4, "1000");
        assertThat(four.variant()).as("169 € as a family against 150 € alone").isEqualTo(Variant.FAMILIES);
        assertThat(four.amount()).isEqualByComparingTo("169");
        assertThat(parentAlone(2, "1800").variant()).as("above 1 600 €, Paris Logement Familles up to 2 000 €").isEqualTo(Variant.FAMILIES);
    }

    @Test
    void theSmicIsRoundedUpToTheTenAndATenStaysItself() {
        assertThat(HousingFigures.shippedOn(LocalDate.of(2026, 1, 1)).smicCeiling()).isEqualByComparingTo("1450");
        assertThat(HousingFigures.shippedOn(LocalDate.of(2025, 12, 31)).smicCeiling()).isEqualByComparingTo("1430");
        assertThat(HousingFigures.shippedOn(LocalDate.of(2021, 1, 1)).smicCeiling()).as("1 231,00 €").isEqualByComparingTo("1240");
        assertThat(HousingFigures.on(LocalDate.of(2026, 1, 1), java.util.List.of(new fr.paris.casvp.guichet.contracts.figures.DatedFigure(
                "smic.net.monthly", LocalDate.of(2026, 1, 1), new BigDecimal("1440.00"), "test"))).smicCeiling())
                .isEqualByComparingTo("1440");
    }

    @Test
    void todaysFiguresForAnElderlyPersonAlone() {
        // 300 + 60,59 = 360,59 € against 30 % of 1 100 € = 330 €; ceiling 1 480 €.
        Assessment today = ParisLogement.assess(elderly().resources("1100").rent("300").build(), TODAY);
        assertThat(today.granted()).isTrue();
        assertThat(today.flatCharges()).isEqualByComparingTo("60.59");
        assertThat(today.effortRate()).isEqualByComparingTo("0.3278");
        assertThat(today.amount()).isEqualByComparingTo("84");
        assertThat(TODAY.aspaMonthly(false)).isEqualByComparingTo("1043.60");
    }

    @Test
    void everyOtherConditionIsSaid() {
        assertThat(ParisLogement.assess(elderly().tenure(Tenure.OWNER).resources("1000").rent("400").build(), ANNEX).reasons())
                .containsExactly(Reason.NOT_A_TENANT);
        assertThat(ParisLogement.assess(elderly().notLeaseholder().resources("1000").rent("400").build(), ANNEX).reasons())
                .containsExactly(Reason.NOT_LEASEHOLDER);
        assertThat(ParisLogement.assess(elderly().unpaid().resources("1000").rent("400").build(), ANNEX).reasons())
                .containsExactly(Reason.UNPAID_CHARGES);
        assertThat(ParisLogement.assess(elderly().noAidClaimed(false).resources("1000").rent("400").build(), ANNEX).reasons())
                .containsExactly(Reason.HOUSING_AID_NOT_CLAIMED);
        assertThat(ParisLogement.assess(elderly().noAidClaimed(true).resources("1000").rent("400").build(), ANNEX).granted()).isTrue();
        assertThat(ParisLogement.assess(elderly().holding(Variant.FAMILIES).resources("1000").rent("400").build(), ANNEX).reasons())
                .containsExactly(Reason.NOT_CUMULABLE);
        assertThat(ParisLogement.assess(elderly().holding(Variant.ELDERLY).resources("1000").rent("400").build(), ANNEX).granted())
                .as("a renewal").isTrue();
        assertThat(ParisLogement.assess(family().couple().resources("1000").rent("400").build(), ANNEX).reasons())
                .containsExactly(Reason.HOUSEHOLD_NOT_COVERED);
        assertThat(ParisLogement.assess(family().tenure(Tenure.BUYER).couple().children(2).resources("1500").rent("700").build(), ANNEX)
                .amount()).as("a family buying its home").isEqualByComparingTo("116");
        assertThat(ParisLogement.assess(elderly().resources("5000").rent("10").unpaid().build(), ANNEX).reasons())
                .containsExactly(Reason.RESOURCES_ABOVE_CEILING, Reason.EFFORT_BELOW_MINIMUM, Reason.UNPAID_CHARGES);
    }

    private static BigDecimal families(int children, int disabled, String income) {
        Assessment assessment = ParisLogement.assess(family().couple().children(children).disabledChildren(disabled).resources(income)
                .rent("900").build(), ANNEX);
        assertThat(assessment.variant()).isEqualTo(Variant.FAMILIES);
        return assessment.granted() ? assessment.amount() : null;
    }

    private static Assessment parentAlone(int children, String income) {
        return ParisLogement.assess(family().children(children).resources(income).rent("900").build(), TODAY);
    }

    private static Builder elderly() {
        return new Builder(Category.ELDERLY);
    }

    private static Builder family() {
        return new Builder(Category.FAMILY);
    }

    /** A household that meets every condition but those a test sets. */
    private static final class Builder {
        private final Category category;
        private boolean couple;
        private int children;
        private int disabledChildren;
        private boolean sharedLease;
        private Tenure tenure = Tenure.TENANT;
        private boolean leaseholder = true;
        private BigDecimal resources = BigDecimal.ZERO;
        private BigDecimal rent = BigDecimal.ZERO;
        private BigDecimal charges = BigDecimal.ZERO;
        private BigDecimal aid = BigDecimal.ZERO;
        private boolean aidClaimed = true;
        private boolean decent = true;
        private boolean unpaid;
        private Set<Variant> held = Set.of();
        private Residence residence;

        Builder(Category category) {
            this.category = category;
        }

        Builder couple() {
            couple = true;
            return this;
        }

        Builder children(int count) {
            children = count;
            return this;
        }

        Builder disabledChildren(int count) {
            disabledChildren = count;
            return this;
        }

        Builder sharedLease() {
            sharedLease = true;
            return this;
        }

        Builder tenure(Tenure value) {
            tenure = value;
            return this;
        }

        Builder notLeaseholder() {
            leaseholder = false;
            return this;
        }

        Builder resources(String amount) {
            resources = new BigDecimal(amount);
            return this;
        }

        Builder rent(String amount) {
            rent = new BigDecimal(amount);
            return this;
        }

        Builder charges(String amount) {
            charges = new BigDecimal(amount);
            return this;
        }

        Builder aid(String amount) {
            aid = new BigDecimal(amount);
            return this;
        }

        Builder noAidClaimed(boolean decentHome) {
            aidClaimed = false;
            decent = decentHome;
            return this;
        }

        Builder unpaid() {
            unpaid = true;
            return this;
        }

        Builder holding(Variant variant) {
            held = Set.of(variant);
            return this;
        }

        Builder living(Residence value) {
            residence = value;
            return this;
        }

        Household build() {
            return new Household(category, couple, children, disabledChildren, sharedLease, tenure, leaseholder, resources, rent, charges,
                    BigDecimal.ZERO, aid, aidClaimed, decent, unpaid, held, residence);
        }
    }
}
