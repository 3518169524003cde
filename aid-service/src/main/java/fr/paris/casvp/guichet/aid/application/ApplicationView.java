package fr.paris.casvp.guichet.aid.application;

import fr.paris.casvp.guichet.aid.domain.Application;
import fr.paris.casvp.guichet.aid.domain.Category;
import fr.paris.casvp.guichet.aid.domain.RefusalReason;
import fr.paris.casvp.guichet.aid.domain.Status;
import fr.paris.casvp.guichet.contracts.payment.Iban;
import fr.paris.casvp.guichet.contracts.receipt.Receipt;
import fr.paris.casvp.guichet.intake.FiledApplication;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An application as the API answers it: the request, where it stands, its receipt (récépissé: its number is what the
 * person keeps; its status follows the application), its examination, its decisions (several after an appeal), its
 * payment orders and its history. IBANs are shown masked; the full one goes only to the treasury.
 */
public record ApplicationView(UUID id, String number, Receipt receipt, UUID beneficiaryId, String section,
                              Category category, String disasterEvent, BigDecimal requestedAmount, String reason,
                              PayeeView payee, PendingPayeeView pendingPayee, List<String> missingDocuments, Status status,
                              Instant receivedAt, String filedBy, Examination examination, List<DecisionView> decisions,
                              List<PaymentView> payments, List<StepView> history, Instant updatedAt)
        implements FiledApplication {

    public record PayeeView(String kind, String accountHolder, String iban) {
    }

    /** A corrected payee proposed after a failed payment, waiting for a second agent to confirm it (null when none). */
    public record PendingPayeeView(String kind, String accountHolder, String iban, String proposedBy, Instant proposedAt) {
    }

    public record Examination(String examinedBy, Instant examinedAt, String assessment, BigDecimal proposedAmount) {
    }

    public record DecisionView(String outcome, BigDecimal amount, RefusalReason reasonCode, String reasonText,
                               String decidedBy, Instant decidedAt, LocalDate decisionDate, boolean onAppeal) {
    }

    public record PaymentView(String reference, int attempt, BigDecimal amount, String iban, String status,
                              String failureReason, Instant orderedAt, Instant settledAt) {
    }

    public record StepView(String transition, Status status, Instant at, String agent, String detail) {
    }

    static ApplicationView of(Application a) {
        return new ApplicationView(a.id(), a.number(), new Receipt(a.receiptNumber(), a.receivedAt(), a.status().name()),
                a.beneficiaryId(), a.section(), a.category(), a.disasterEvent(), a.requestedAmount(), a.reason(),
                new PayeeView(a.payee().kind().name(), a.payee().accountHolder(), Iban.masked(a.payee().iban())),
                a.payeeChange().map(c -> new PendingPayeeView(c.payee().kind().name(), c.payee().accountHolder(),
                        Iban.masked(c.payee().iban()), c.proposedBy(), c.proposedAt())).orElse(null),
                a.missingDocuments(), a.status(), a.receivedAt(), a.filedBy(),
                a.examination().map(e -> new Examination(e.examinedBy(), e.examinedAt(), e.assessment(), e.proposedAmount()))
                        .orElse(null),
                a.decisions().stream().map(d -> new DecisionView(d.outcome().name(), d.amount(), d.reasonCode(),
                        d.reasonText(), d.decidedBy(), d.decidedAt(), d.decisionDate(), d.onAppeal())).toList(),
                a.payments().stream().map(p -> new PaymentView(p.reference(), p.attempt(), p.amount(),
                        Iban.masked(p.payee().iban()), p.state().name(), p.failureReason(), p.orderedAt(), p.settledAt())).toList(),
                a.history().stream().map(s -> new StepView(s.transition().name(), s.status(), s.at(), s.agent(), s.detail()))
                        .toList(),
                a.updatedAt());
    }
}
