package fr.paris.casvp.guichet.aid.application;

import fr.paris.casvp.guichet.aid.domain.Category;
import fr.paris.casvp.guichet.aid.domain.RefusalReason;
import fr.paris.casvp.guichet.contracts.payment.AccountHolder;
import fr.paris.casvp.guichet.contracts.payment.Iban;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrder.PayeeKind;
import fr.paris.casvp.guichet.web.FieldError;
import fr.paris.casvp.guichet.web.Fields;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The aid's commands as the API receives them (the bodies of its requests and of the queued commands), and what makes
 * each field valid; every bad field is named in one 400 answer.
 */
final class Commands {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000");
    /** Lengths, in characters, checked below and written in the OpenAPI document. */
    static final int DISASTER_EVENT = 60;
    static final int REASON = 2000;
    static final int ASSESSMENT = 4000;
    static final int DOCUMENT = 200;
    static final int DOCUMENTS = 30;
    static final int ACCOUNT_HOLDER = AccountHolder.MAX_LENGTH;

    private Commands() {
    }

    /**
     * Filing an application.
     *
     * @param section          optional: the section that follows the beneficiary's file (checked against it)
     * @param receivedAt       optional: when the section received the request, if not now (a request captured during
     *                         an outage keeps its original time, which opens the rights: RM I/B art. 3)
     * @param missingDocuments the documents still to be provided; the application lapses if they are not within 2 months
     * @param repeatConfirmed  true when the agent confirms a second application of the same kind while the first is
     *                         examined or was filed within 30 days (answered 409 {@code repeat-filing} otherwise)
     */
    public record Filing(UUID beneficiaryId, Category category, @Schema(maxLength = DISASTER_EVENT) String disasterEvent,
                  BigDecimal requestedAmount, @Schema(maxLength = REASON) String reason, PayeeRequest payee,
                  @Schema(pattern = "^([1-9]|1[0-9]|20)$") String section, Instant receivedAt,
                  @ArraySchema(maxItems = DOCUMENTS, schema = @Schema(maxLength = DOCUMENT)) List<String> missingDocuments,
                  Boolean repeatConfirmed) {

        /** A filing without the confirmation of a repeat. */
        Filing(UUID beneficiaryId, Category category, String disasterEvent, BigDecimal requestedAmount, String reason,
                      PayeeRequest payee, String section, Instant receivedAt, List<String> missingDocuments) {
            this(beneficiaryId, category, disasterEvent, requestedAmount, reason, payee, section, receivedAt, missingDocuments, null);
        }

        List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            if (beneficiaryId == null) {
                errors.add(FieldError.of("beneficiaryId", "is required"));
            }
            if (category == null) {
                errors.add(FieldError.of("category", "is required: ENERGY, WATER, RENT_ARREARS, FOOD, HEALTH, EQUIPMENT, DISASTER or OTHER"));
            }
            if (category == Category.DISASTER && blank(disasterEvent)) {
                errors.add(FieldError.of("disasterEvent", "is required for a disaster: the event's reference (fire, flood...)"));
            }
            if (category != Category.DISASTER && disasterEvent != null) {
                errors.add(FieldError.of("disasterEvent", "is only for the DISASTER category"));
            }
            if (disasterEvent != null && disasterEvent.length() > DISASTER_EVENT) {
                errors.add(FieldError.of("disasterEvent", "must be at most " + DISASTER_EVENT + " characters"));
            }
            checkAmount("requestedAmount", requestedAmount, errors);
            text("reason", reason, REASON, errors);
            if (payee == null) {
                errors.add(FieldError.of("payee", "is required: the beneficiary or a creditor, with an IBAN"));
            } else {
                payee.check("payee.", errors);
            }
            if (section != null && !section.matches("[1-9]|1[0-9]|20")) {
                errors.add(FieldError.of("section", "must be a section number from 1 to 20"));
            }
            List<String> documents = missingDocuments == null ? List.of() : missingDocuments;
            if (documents.size() > DOCUMENTS) {
                errors.add(FieldError.of("missingDocuments", "must list at most " + DOCUMENTS + " documents"));
            }
            for (int i = 0; i < documents.size(); i++) {
                text("missingDocuments[" + i + "]", documents.get(i), DOCUMENT, errors);
            }
            return errors;
        }
    }

    /** @param accountHolder optional for the beneficiary (their names), required for a creditor */
    public record PayeeRequest(PayeeKind kind, @Schema(maxLength = ACCOUNT_HOLDER) String accountHolder,
                        @Schema(maxLength = 42, description = "an IBAN, spaces allowed") String iban) {

        void check(String prefix, List<FieldError> errors) {
            if (kind == null) {
                errors.add(FieldError.of(prefix + "kind", "is required: BENEFICIARY or CREDITOR"));
            }
            if (kind == PayeeKind.CREDITOR && blank(accountHolder)) {
                errors.add(FieldError.of(prefix + "accountHolder", "is required for a creditor: the account holder's name"));
            }
            String holder = AccountHolder.problem(accountHolder);
            if (holder != null) {
                errors.add(FieldError.of(prefix + "accountHolder", holder));
            }
            if (!Iban.isValid(iban)) {
                errors.add(FieldError.of(prefix + "iban", "is not a valid IBAN: check its length and its control digits"));
            }
        }
    }

    public record Documents(@ArraySchema(maxItems = DOCUMENTS, schema = @Schema(maxLength = DOCUMENT)) List<String> missingDocuments) {

        List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            if (missingDocuments == null) {
                errors.add(FieldError.of("missingDocuments", "is required: the documents still missing, [] when the file is complete"));
            } else {
                for (int i = 0; i < missingDocuments.size(); i++) {
                    text("missingDocuments[" + i + "]", missingDocuments.get(i), DOCUMENT, errors);
                }
            }
            return errors;
        }
    }

    /** The social worker's assessment and the amount they propose. */
    public record Examination(@Schema(maxLength = ASSESSMENT) String assessment, BigDecimal proposedAmount) {

        List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            text("assessment", assessment, ASSESSMENT, errors);
            if (proposedAmount != null && proposedAmount.signum() != 0) {
                checkAmount("proposedAmount", proposedAmount, errors);
            }
            return errors;
        }
    }

    public enum Outcome { GRANTED, REFUSED }

    /**
     * The section director's decision: a grant with its amount, or a refusal with its reason.
     *
     * @param reasonText required for the reason OTHER; otherwise an optional explanation for the letter
     */
    public record Decision(Outcome outcome, BigDecimal amount, RefusalReason reasonCode,
                    @Schema(maxLength = REASON) String reasonText) {

        List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            if (outcome == null) {
                errors.add(FieldError.of("outcome", "is required: GRANTED or REFUSED"));
            } else if (outcome == Outcome.GRANTED) {
                checkAmount("amount", amount, errors);
                if (reasonCode != null) {
                    errors.add(FieldError.of("reasonCode", "is only for a refusal"));
                }
            } else {
                if (amount != null) {
                    errors.add(FieldError.of("amount", "is only for a grant"));
                }
                if (reasonCode == null) {
                    errors.add(FieldError.of("reasonCode", "is required for a refusal: " + List.of(RefusalReason.values())));
                } else if (reasonCode == RefusalReason.OTHER) {
                    text("reasonText", reasonText, REASON, errors);
                }
            }
            if (reasonText != null && reasonText.length() > 2000) {
                errors.add(FieldError.of("reasonText", "must be at most 2000 characters"));
            }
            return errors;
        }
    }

    public record Appeal(@Schema(maxLength = ASSESSMENT) String reason) {

        List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            text("reason", reason, ASSESSMENT, errors);
            return errors;
        }
    }

    static void check(List<FieldError> errors) {
        Fields.check(errors);
    }

    private static void checkAmount(String field, BigDecimal amount, List<FieldError> errors) {
        Fields.money(field, amount, MAX_AMOUNT, errors);
    }

    private static void text(String field, String value, int max, List<FieldError> errors) {
        Fields.text(field, value, max, errors);
    }

    private static boolean blank(String s) {
        return Fields.blank(s);
    }
}
