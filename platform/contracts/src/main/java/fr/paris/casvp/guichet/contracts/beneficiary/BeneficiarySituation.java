package fr.paris.casvp.guichet.contracts.beneficiary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the registry records of a person, as an agent enters it: the part of a beneficiary's snapshot that benefits
 * decide from. Money is in euros with 2 decimals; dates are local (Europe/Paris) dates.
 *
 * @param identity           who the person is
 * @param address            where the person lives (null with no fixed address)
 * @param parisResidence     the periods of residence in Paris, oldest first; the last one open ({@code to} null) when
 *                           the person lives in Paris now: decides "3 of the last 5 years" and "at least 1 month"
 * @param noFixedAddress     set when the person has no fixed address: the PSA they are attached to
 * @param disabilityEvidence proofs of disability (RM III/A art. 2)
 * @param unfitForWorkSince  recognised unfit for work (inapte au travail) since, or null
 * @param nationalBenefits   national benefits received (ASPA, ASI, AAH, allocation veuvage...)
 * @param monthlyResources   monthly resources, by kind
 * @param incomeTax          income tax subject to the scale (impôt soumis au barème), by tax year
 * @param warVeteran         war veteran or war widow(er)
 * @param section            the CASVP section that follows the file ("1" to "20")
 * @param contact            how to reach the person for notifications
 * @param deceasedOn         the date of death, once reported (RM I/B art. 7-8: the benefits end)
 * @param awayFromHomeSince  away from the Paris home since (hospital, stay elsewhere), or null when at home: payment
 *                           of some benefits stops after more than 3 months away (RM II.1.1 d/4)
 */
public record BeneficiarySituation(Identity identity, Address address, List<ResidencePeriod> parisResidence,
                                   NoFixedAddress noFixedAddress, List<DisabilityEvidence> disabilityEvidence,
                                   LocalDate unfitForWorkSince, List<NationalBenefit> nationalBenefits,
                                   List<MonthlyResource> monthlyResources, List<IncomeTax> incomeTax,
                                   boolean warVeteran, String section, Contact contact, LocalDate deceasedOn,
                                   LocalDate awayFromHomeSince) {

    public BeneficiarySituation {
        parisResidence = parisResidence == null ? List.of() : List.copyOf(parisResidence);
        disabilityEvidence = disabilityEvidence == null ? List.of() : List.copyOf(disabilityEvidence);
        nationalBenefits = nationalBenefits == null ? List.of() : List.copyOf(nationalBenefits);
        monthlyResources = monthlyResources == null ? List.of() : List.copyOf(monthlyResources);
        incomeTax = incomeTax == null ? List.of() : List.copyOf(incomeTax);
    }

    /** A living person at home (the fields of the first version of the contract). */
    public BeneficiarySituation(Identity identity, Address address, List<ResidencePeriod> parisResidence,
                                NoFixedAddress noFixedAddress, List<DisabilityEvidence> disabilityEvidence,
                                LocalDate unfitForWorkSince, List<NationalBenefit> nationalBenefits,
                                List<MonthlyResource> monthlyResources, List<IncomeTax> incomeTax, boolean warVeteran,
                                String section, Contact contact) {
        this(identity, address, parisResidence, noFixedAddress, disabilityEvidence, unfitForWorkSince, nationalBenefits,
                monthlyResources, incomeTax, warVeteran, section, contact, null, null);
    }

    /**
     * @param nir social security number (15 characters with its key), or null when unknown
     * @param sex {@code F} or {@code M}
     */
    public record Identity(String lastName, String birthName, String firstNames, LocalDate birthDate, String sex,
                           String nir) {
    }

    /** @param arrondissement derived from the postcode by the registry (1 to 20), null outside Paris */
    public record Address(String line1, String line2, String postcode, String city, Integer arrondissement) {
    }

    public record ResidencePeriod(LocalDate from, LocalDate to) {
    }

    /** @param psa the permanence sociale d'accueil the person is attached to */
    public record NoFixedAddress(String psa) {
    }

    public record DisabilityEvidence(DisabilityEvidenceType type, LocalDate since) {
    }

    public enum DisabilityEvidenceType {
        AAH, PCH_HUMAN_AID, INVALIDITY_PENSION_CATEGORY_2, INVALIDITY_PENSION_CATEGORY_3,
        WORK_ACCIDENT_ANNUITY_80_PERCENT, DISABILITY_CARD_80_PERCENT, OTHER
    }

    public record NationalBenefit(NationalBenefitType type, LocalDate since) {
    }

    public enum NationalBenefitType {
        ASPA, ASI, AAH, WIDOWHOOD_ALLOWANCE, RSA, OTHER
    }

    public record MonthlyResource(ResourceKind kind, BigDecimal amount) {
    }

    public enum ResourceKind {
        PENSION, SALARY, UNEMPLOYMENT_BENEFIT, NATIONAL_MINIMUM_BENEFIT, DISABILITY_BENEFIT, INVESTMENT_INCOME,
        RENTAL_INCOME, MAINTENANCE, OTHER
    }

    public record IncomeTax(int taxYear, BigDecimal amount) {
    }

    /**
     * @param acceptsSms      the person agreed to receive text messages about their files
     * @param declinesNotices the person asked for no notice at all, by e-mail or text message (opt-out)
     */
    public record Contact(String phone, String email, boolean acceptsSms, boolean declinesNotices) {
    }
}
