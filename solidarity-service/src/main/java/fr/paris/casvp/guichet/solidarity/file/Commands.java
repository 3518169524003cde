package fr.paris.casvp.guichet.solidarity.file;

import fr.paris.casvp.guichet.contracts.payment.AccountHolder;
import fr.paris.casvp.guichet.contracts.payment.Iban;
import fr.paris.casvp.guichet.solidarity.domain.Allowance;
import fr.paris.casvp.guichet.web.FieldError;
import fr.paris.casvp.guichet.web.Fields;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Paris Solidarité's commands as the API receives them (the bodies of its requests and of the queued commands), and
 * what makes each field valid; every bad field is named in one 400 answer.
 */
final class Commands {

    /** Lengths, in characters, checked below and written in the OpenAPI document. */
    static final int ASSESSMENT = 4000;
    static final int REASON_TEXT = 2000;
    static final int ACCOUNT_HOLDER = AccountHolder.MAX_LENGTH;
    /** Refusal codes: the simulation's, and OTHER (explained in {@code reasonText}). */
    static final Set<String> REFUSAL_CODES = Set.of(Allowance.NOT_ELDERLY_OR_DISABLED, Allowance.RESIDENCE_TOO_SHORT,
            Allowance.RESOURCES_ABOVE_CEILING, Allowance.BELOW_PAYMENT_THRESHOLD, "STATUTORY_BENEFITS_NOT_CLAIMED", "OTHER");

    private Commands() {
    }

    public record PayeeRequest(String accountHolder, String iban) {
    }

    /**
     * @param renewal    the renewal of a grant that ends or ended
     * @param section    optional: the section that follows the beneficiary's file (checked against it)
     * @param receivedAt optional: when the section received the request, if not now
     */
    public record Filing(UUID beneficiaryId, boolean renewal, PayeeRequest payee, String section, Instant receivedAt) {

        List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            if (beneficiaryId == null) {
                errors.add(FieldError.of("beneficiaryId", "is required"));
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

    public record Examination(@Schema(maxLength = ASSESSMENT) String assessment) {

        List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            Fields.text("assessment", assessment, ASSESSMENT, errors);
            return errors;
        }
    }

    public enum Outcome { GRANTED, REFUSED }

    /** @param months the grant's length: 12 for a first grant and its first renewal; then 1 to 24 (24 by default) */
    public record Decision(Outcome outcome, Integer months, List<String> reasonCodes,
                           @Schema(maxLength = REASON_TEXT) String reasonText) {

        List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            if (outcome == null) {
                errors.add(FieldError.of("outcome", "is required: GRANTED or REFUSED"));
            } else if (outcome == Outcome.REFUSED) {
                if (reasonCodes == null || reasonCodes.isEmpty()) {
                    errors.add(FieldError.of("reasonCodes", "is required for a refusal: " + REFUSAL_CODES));
                } else if (!REFUSAL_CODES.containsAll(reasonCodes)) {
                    errors.add(FieldError.of("reasonCodes", "must be among " + REFUSAL_CODES));
                } else if (reasonCodes.contains("OTHER")) {
                    Fields.text("reasonText", reasonText, REASON_TEXT, errors);
                }
            }
            if (months != null && (months < 1 || months > 24)) {
                errors.add(FieldError.of("months", "must be 1 to 24"));
            }
            return errors;
        }
    }
}
