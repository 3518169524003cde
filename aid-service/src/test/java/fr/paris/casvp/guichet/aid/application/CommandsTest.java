package fr.paris.casvp.guichet.aid.application;

import static org.assertj.core.api.Assertions.assertThat;

import fr.paris.casvp.guichet.aid.domain.Category;
import fr.paris.casvp.guichet.aid.domain.RefusalReason;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrder.PayeeKind;
import fr.paris.casvp.guichet.web.FieldError;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What makes the aid's commands valid: every bad field named at once, before anything is loaded. */
class CommandsTest {

    private static final String IBAN = "FR76 3000 6000 0112 3456 7890 189";

    @Test
    void anEmptyFilingNamesEveryRequiredField() {
        Commands.Filing filing = new Commands.Filing(null, null, null, null, null, null, null, null, null);

        assertThat(fields(filing.errors())).containsExactlyInAnyOrder("beneficiaryId", "category", "requestedAmount", "reason",
                "payee");
    }

    @Test
    void aDisasterNeedsItsEventAndOnlyADisasterHasOne() {
        assertThat(fields(filing(Category.DISASTER, null).errors())).containsExactly("disasterEvent");
        assertThat(fields(filing(Category.ENERGY, "INCENDIE-2026-17").errors())).containsExactly("disasterEvent");
        assertThat(filing(Category.DISASTER, "INCENDIE-2026-17").errors()).isEmpty();
    }

    @Test
    void aCreditorNeedsItsNameAndEveryPayeeAValidIban() {
        Commands.PayeeRequest creditor = new Commands.PayeeRequest(PayeeKind.CREDITOR, " ", "FR76 3000 6000 0112 3456 7890 188");
        List<FieldError> errors = new java.util.ArrayList<>();

        creditor.check("payee.", errors);

        assertThat(fields(errors)).containsExactly("payee.accountHolder", "payee.iban");
    }

    @Test
    void aRefusalNeedsItsReasonATextForOtherAndNoAmount() {
        assertThat(fields(new Commands.Decision(Commands.Outcome.REFUSED, new BigDecimal("10"), null, null).errors()))
                .containsExactlyInAnyOrder("amount", "reasonCode");
        assertThat(fields(new Commands.Decision(Commands.Outcome.REFUSED, null, RefusalReason.OTHER, " ").errors()))
                .containsExactly("reasonText");
        assertThat(new Commands.Decision(Commands.Outcome.REFUSED, null, RefusalReason.CAP_REACHED, null).errors()).isEmpty();
    }

    @Test
    void aGrantNeedsAnAmountInEurosAndNoReasonCode() {
        assertThat(fields(new Commands.Decision(Commands.Outcome.GRANTED, new BigDecimal("10.001"), RefusalReason.OTHER, null)
                .errors())).containsExactlyInAnyOrder("amount", "reasonCode");
        assertThat(fields(new Commands.Decision(null, null, null, null).errors())).containsExactly("outcome");
    }

    @Test
    void everyMissingDocumentIsNamedByItsPlace() {
        assertThat(fields(new Commands.Documents(List.of("RIB", " ")).errors())).containsExactly("missingDocuments[1]");
        assertThat(fields(new Commands.Documents(null).errors())).containsExactly("missingDocuments");
    }

    private static Commands.Filing filing(Category category, String event) {
        return new Commands.Filing(UUID.randomUUID(), category, event, new BigDecimal("450"), "Facture",
                new Commands.PayeeRequest(PayeeKind.BENEFICIARY, null, IBAN), null, null, List.of());
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
