package fr.paris.casvp.guichet.housing.file;

import fr.paris.casvp.guichet.contracts.payment.AccountHolder;
import fr.paris.casvp.guichet.contracts.payment.Iban;
import fr.paris.casvp.guichet.housing.domain.Household;
import fr.paris.casvp.guichet.housing.domain.Reason;
import fr.paris.casvp.guichet.housing.domain.Variant;
import fr.paris.casvp.guichet.web.FieldError;
import fr.paris.casvp.guichet.web.Fields;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Paris Logement's commands as the API receives them (the bodies of its requests and of the queued filings), and what
 * makes each field valid; every bad field is named in one 400 answer.
 */
public final class Commands {

    /** Lengths, in characters, and amounts, checked below and written in the OpenAPI document. */
    static final int NOTES = 4000;
    static final int REASON_TEXT = 2000;
    static final int ACCOUNT_HOLDER = AccountHolder.MAX_LENGTH;
    static final int MAX_CHILDREN = 20;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000");
    /** The reasons a refusal may give: the rules', or OTHER with a text. */
    static final Set<String> REFUSAL_CODES = Stream.concat(Arrays.stream(Reason.values()).map(Enum::name), Stream.of("OTHER"))
            .collect(Collectors.toUnmodifiableSet());

    private Commands() {
    }

    /**
     * The household, each amount monthly in euros (see {@link Household} for what each means).
     *
     * @param alreadyHeld the housing allowances of the règlement the household already receives
     */
    public record HouseholdRequest(Household.Category category, boolean couple, Integer children, Integer disabledChildren,
                                   boolean sharedLease, Household.Tenure tenure, boolean leaseholder, BigDecimal resources,
                                   BigDecimal rent, BigDecimal rentalCharges, BigDecimal parking, BigDecimal housingAid,
                                   boolean housingAidClaimed, boolean decentHome, boolean unpaidCharges, List<Variant> alreadyHeld,
                                   Household.Residence residence) {

        /** Adds what is wrong with the household to {@code errors}, each field named after {@code prefix}. */
        public void check(String prefix, List<FieldError> errors) {
            if (category == null) {
                errors.add(FieldError.of(prefix + "category", "is required: ELDERLY, DISABLED or FAMILY"));
            }
            if (tenure == null) {
                errors.add(FieldError.of(prefix + "tenure", "is required: TENANT, BUYER or OWNER"));
            }
            int kids = children == null ? 0 : children;
            if (children != null && (children < 0 || children > MAX_CHILDREN)) {
                errors.add(FieldError.of(prefix + "children", "must be 0 to " + MAX_CHILDREN));
            }
            if (disabledChildren != null && (disabledChildren < 0 || disabledChildren > kids)) {
                errors.add(FieldError.of(prefix + "disabledChildren", "must be 0 to the number of children"));
            }
            if (resources == null || resources.signum() != 0) {
                Fields.money(prefix + "resources", resources, MAX_AMOUNT, errors);
            }
            if (rent == null || rent.signum() != 0) {
                Fields.money(prefix + "rent", rent, MAX_AMOUNT, errors);
            }
            optional(prefix + "rentalCharges", rentalCharges, errors);
            optional(prefix + "parking", parking, errors);
            optional(prefix + "housingAid", housingAid, errors);
            if (residence != null && residence.establishment() && category == Household.Category.FAMILY) {
                errors.add(FieldError.of(prefix + "residence", "an establishment is for the elderly or the disabled only (RM II 2.1 d,"
                        + " III 2.1 d): HOME for a family"));
            }
        }

        private static void optional(String field, BigDecimal amount, List<FieldError> errors) {
            if (amount != null && amount.signum() != 0) {
                Fields.money(field, amount, MAX_AMOUNT, errors);
            }
        }

        public Household toHousehold() {
            return new Household(category, couple, children == null ? 0 : children, disabledChildren == null ? 0 : disabledChildren,
                    sharedLease, tenure, leaseholder, resources, rent, rentalCharges, parking, housingAid, housingAidClaimed,
                    decentHome, unpaidCharges, alreadyHeld == null ? Set.of() : Set.copyOf(alreadyHeld), residence);
        }

        static HouseholdRequest of(Household h) {
            return new HouseholdRequest(h.category(), h.couple(), h.children(), h.disabledChildren(), h.sharedLease(), h.tenure(),
                    h.leaseholder(), h.resources(), h.rent(), h.rentalCharges(), h.parking(), h.housingAid(), h.housingAidClaimed(),
                    h.decentHome(), h.unpaidCharges(), h.alreadyHeld().stream().sorted().toList(), h.residence());
        }
    }

    public record PayeeRequest(@Schema(maxLength = ACCOUNT_HOLDER) String accountHolder, @Schema(maxLength = 42) String iban) {
    }

    /**
     * A filing, at the counter or queued by the gateway.
     *
     * @param renewal    the renewal of a grant that ends or ended (RM I/B: the person files again)
     * @param receivedAt optional: when the section received the application, if not now
     */
    public record Filing(UUID beneficiaryId, HouseholdRequest household, PayeeRequest payee, boolean renewal, Instant receivedAt) {

        List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            if (beneficiaryId == null) {
                errors.add(FieldError.of("beneficiaryId", "is required"));
            }
            if (household == null) {
                errors.add(FieldError.of("household", "is required: the household, its resources and its housing"));
            } else {
                household.check("household.", errors);
            }
            if (payee == null || !Iban.isValid(payee.iban())) {
                errors.add(FieldError.of("payee.iban", "is required and must be a valid IBAN (length and control digits)"));
            }
            String holder = payee == null ? null : AccountHolder.problem(payee.accountHolder());
            if (holder != null) {
                errors.add(FieldError.of("payee.accountHolder", holder));
            }
            return errors;
        }
    }

    /**
     * The social worker's examination.
     *
     * @param household the household as the documents show it; the declared one when absent
     * @param notes     what the social worker saw, for the director
     */
    public record Examination(HouseholdRequest household, @Schema(maxLength = NOTES) String notes) {

        List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            if (household != null) {
                household.check("household.", errors);
            }
            if (notes != null) {
                Fields.text("notes", notes, NOTES, errors);
            }
            return errors;
        }
    }

    public enum Outcome { GRANTED, REFUSED }

    public record Decision(Outcome outcome, List<String> reasonCodes, @Schema(maxLength = REASON_TEXT) String reasonText) {

        List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            if (outcome == null) {
                errors.add(FieldError.of("outcome", "is required: GRANTED or REFUSED"));
            } else if (outcome == Outcome.REFUSED) {
                if (reasonCodes == null || reasonCodes.isEmpty() || !REFUSAL_CODES.containsAll(reasonCodes)) {
                    errors.add(FieldError.of("reasonCodes", "is required for a refusal, among " + REFUSAL_CODES.stream().sorted().toList()));
                } else if (reasonCodes.contains("OTHER")) {
                    Fields.text("reasonText", reasonText, REASON_TEXT, errors);
                }
            }
            return errors;
        }
    }
}
