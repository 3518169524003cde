package fr.paris.casvp.guichet.transport.pass;

import fr.paris.casvp.guichet.transport.domain.Navigo;
import fr.paris.casvp.guichet.transport.domain.Pass;
import fr.paris.casvp.guichet.web.FieldError;
import fr.paris.casvp.guichet.web.Fields;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The Navigo right's commands as the API receives them (the bodies of its requests and of the queued commands), and
 * what makes each field valid; every bad field is named in one 400 answer.
 */
final class Commands {

    /** Lengths, in characters, checked below and written in the OpenAPI document. */
    static final int REASON = 2000;
    static final int REFERENCE = 100;
    /** The reasons a refusal may give: the rule's, or OTHER with a text. */
    static final Set<String> REFUSAL_CODES = Set.of(Navigo.NOT_ELDERLY_OR_DISABLED, Navigo.RESIDENCE_TOO_SHORT,
            Navigo.INCOME_TAX_ABOVE_CEILING, Navigo.NO_FIXED_ADDRESS, "OTHER");

    private Commands() {
    }

    /**
     * A request for a pass.
     *
     * @param receivesParisBenefit the agent saw the proof of Paris Solidarité or Complément Santé Paris (another
     *                             service's data, or another institution's: declared, not looked up)
     * @param receivedAt           optional: when the section received the request, if not now
     */
    public record Request(UUID beneficiaryId, String navigoCardNumber, String zones, boolean receivesParisBenefit,
                          Instant receivedAt) {

        List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            if (beneficiaryId == null) {
                errors.add(FieldError.of("beneficiaryId", "is required"));
            }
            cardNumber("navigoCardNumber", navigoCardNumber, errors);
            if (!Navigo.ZONES_1_2.equals(zones) && !Navigo.ZONES_1_5.equals(zones)) {
                errors.add(FieldError.of("zones", "must be \"1-2\" or \"1-5\""));
            }
            return errors;
        }
    }

    public enum Outcome { GRANTED, REFUSED }

    public record Decision(Outcome outcome, List<String> reasonCodes, @Schema(maxLength = REASON) String reasonText) {

        List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            if (outcome == null) {
                errors.add(FieldError.of("outcome", "is required: GRANTED or REFUSED"));
            } else if (outcome == Outcome.REFUSED) {
                if (reasonCodes == null || reasonCodes.isEmpty() || !REFUSAL_CODES.containsAll(reasonCodes)) {
                    errors.add(FieldError.of("reasonCodes", "is required for a refusal, among " + REFUSAL_CODES));
                } else if (reasonCodes.contains("OTHER")) {
                    Fields.text("reasonText", reasonText, REASON, errors);
                }
            }
            return errors;
        }
    }

    public record Cancellation(@Schema(maxLength = REASON) String reason) {

        List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            Fields.text("reason", reason, REASON, errors);
            return errors;
        }
    }

    public record ParticipationPayment(@Schema(maxLength = REFERENCE) String reference) {

        List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            Fields.text("reference", reference, REFERENCE, errors);
            return errors;
        }
    }

    public record CardChange(String navigoCardNumber) {

        List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            cardNumber("navigoCardNumber", navigoCardNumber, errors);
            return errors;
        }
    }

    private static void cardNumber(String field, String card, List<FieldError> errors) {
        if (!Pass.isCardNumber(card)) {
            errors.add(FieldError.of(field, "is required: the Navigo card's number (8 to 20 letters and digits)"));
        }
    }
}
