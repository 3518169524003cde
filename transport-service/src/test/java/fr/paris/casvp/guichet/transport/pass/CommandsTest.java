package fr.paris.casvp.guichet.transport.pass;

import static org.assertj.core.api.Assertions.assertThat;

import fr.paris.casvp.guichet.web.FieldError;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What makes the Navigo right's commands valid: every bad field named at once, before anything is loaded. */
class CommandsTest {

    @Test
    void aRequestNeedsTheBeneficiaryACardNumberAndKnownZones() {
        assertThat(fields(new Commands.Request(null, "12", "1-3", false, null).errors()))
                .containsExactlyInAnyOrder("beneficiaryId", "navigoCardNumber", "zones");
        assertThat(new Commands.Request(UUID.randomUUID(), "ab-1234 5678", "1-5", false, null).errors()).isEmpty();
    }

    @Test
    void aRefusalNeedsTheRulesReasonsAndATextForOther() {
        assertThat(fields(new Commands.Decision(Commands.Outcome.REFUSED, List.of("TOO_YOUNG"), null).errors()))
                .containsExactly("reasonCodes");
        assertThat(fields(new Commands.Decision(Commands.Outcome.REFUSED, List.of("OTHER"), null).errors()))
                .containsExactly("reasonText");
        assertThat(new Commands.Decision(Commands.Outcome.REFUSED, List.of("RESIDENCE_TOO_SHORT"), null).errors()).isEmpty();
        assertThat(fields(new Commands.Decision(null, null, null).errors())).containsExactly("outcome");
    }

    @Test
    void aCorrectedCardCancellationAndPaymentNameTheirField() {
        assertThat(fields(new Commands.CardChange(null).errors())).containsExactly("navigoCardNumber");
        assertThat(fields(new Commands.Cancellation(" ").errors())).containsExactly("reason");
        assertThat(fields(new Commands.ParticipationPayment("x".repeat(101)).errors())).containsExactly("reference");
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
