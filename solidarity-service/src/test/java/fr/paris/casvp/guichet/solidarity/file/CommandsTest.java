package fr.paris.casvp.guichet.solidarity.file;

import static org.assertj.core.api.Assertions.assertThat;

import fr.paris.casvp.guichet.web.FieldError;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What makes Paris Solidarité's commands valid: every bad field named at once, before anything is loaded. */
class CommandsTest {

    @Test
    void aFilingNeedsTheBeneficiaryAndAValidIbanAndAHolderOf70CharactersAtMost() {
        assertThat(fields(new Commands.Filing(null, false, null, null, null).errors()))
                .containsExactlyInAnyOrder("beneficiaryId", "payee.iban");
        assertThat(fields(new Commands.Filing(UUID.randomUUID(), false,
                new Commands.PayeeRequest("x".repeat(71), "FR76 3000 6000 0112 3456 7890 189"), null, null).errors()))
                .containsExactly("payee.accountHolder");
    }

    @Test
    void aRefusalNeedsKnownReasonsAndATextForOther() {
        assertThat(fields(decision(Commands.Outcome.REFUSED, null, List.of()).errors())).containsExactly("reasonCodes");
        assertThat(fields(decision(Commands.Outcome.REFUSED, null, List.of("TOO_RICH")).errors())).containsExactly("reasonCodes");
        assertThat(fields(decision(Commands.Outcome.REFUSED, null, List.of("OTHER")).errors())).containsExactly("reasonText");
        assertThat(decision(Commands.Outcome.REFUSED, null, List.of("RESIDENCE_TOO_SHORT")).errors()).isEmpty();
    }

    @Test
    void aGrantLastsOneTo24Months() {
        assertThat(fields(decision(Commands.Outcome.GRANTED, 25, null).errors())).containsExactly("months");
        assertThat(fields(decision(Commands.Outcome.GRANTED, 0, null).errors())).containsExactly("months");
        assertThat(decision(Commands.Outcome.GRANTED, 24, null).errors()).isEmpty();
        assertThat(fields(decision(null, null, null).errors())).containsExactly("outcome");
    }

    private static Commands.Decision decision(Commands.Outcome outcome, Integer months, List<String> reasons) {
        return new Commands.Decision(outcome, months, reasons, null);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
