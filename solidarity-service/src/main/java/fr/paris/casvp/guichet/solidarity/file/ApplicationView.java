package fr.paris.casvp.guichet.solidarity.file;

import fr.paris.casvp.guichet.contracts.payment.Iban;
import fr.paris.casvp.guichet.contracts.receipt.Receipt;
import fr.paris.casvp.guichet.intake.FiledApplication;
import fr.paris.casvp.guichet.solidarity.domain.Application;
import fr.paris.casvp.guichet.solidarity.domain.Grant;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A Paris Solidarité application as the API answers it: the request, its receipt, the decision and the grant. */
public record ApplicationView(UUID id, String number, Receipt receipt, UUID beneficiaryId, String section,
                              boolean renewal, String status, Instant receivedAt, String filedBy, String examinedBy,
                              String assessment, String decidedBy, Instant decidedAt, List<String> refusalReasons,
                              String refusalText, String payeeAccountHolder, String payeeIban, GrantView grant)
        implements FiledApplication {

    /** The grant, its months and amount, and where it stands (suspended or ended from a date, for a reason). */
    public record GrantView(UUID id, String number, String status, LocalDate firstMonth, LocalDate lastMonth,
                            BigDecimal monthlyAmount, LocalDate statusFrom, String statusReason, String payeeIban) {

        static GrantView of(Grant g) {
            return new GrantView(g.id(), g.number(), g.status().name(), g.firstMonth(), g.lastMonth(), g.monthlyAmount(),
                    g.statusFrom(), g.statusReason(), Iban.masked(g.iban()));
        }
    }

    static ApplicationView of(Application a, Grant grant) {
        return new ApplicationView(a.id(), a.number(), new Receipt(a.receiptNumber(), a.receivedAt(), a.status().name()),
                a.beneficiaryId(), a.section(), a.renewal(), a.status().name(), a.receivedAt(), a.filedBy(), a.examinedBy(),
                a.assessment(), a.decidedBy(), a.decidedAt(), a.refusalReasons(), a.refusalText(), a.accountHolder(),
                Iban.masked(a.iban()), grant == null ? null : GrantView.of(grant));
    }
}
