package fr.paris.casvp.guichet.housing.file;

import fr.paris.casvp.guichet.contracts.payment.Iban;
import fr.paris.casvp.guichet.contracts.receipt.Receipt;
import fr.paris.casvp.guichet.housing.domain.HousingFile;
import fr.paris.casvp.guichet.housing.payment.MonthlyPayment;
import fr.paris.casvp.guichet.housing.simulation.AssessmentView;
import fr.paris.casvp.guichet.intake.FiledApplication;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A Paris Logement file as the API answers it: the application and its receipt, the household declared and examined,
 * what the rules gave it, the decision, the monthly payments, the history. The IBAN is masked.
 */
public record FileView(UUID id, String number, Receipt receipt, UUID beneficiaryId, String section, String status,
                       boolean renewal, Instant receivedAt, String filedBy, Commands.HouseholdRequest declared,
                       String accountHolder, String iban, Examination examination, Decision decision, List<MonthlyPayment> payments,
                       List<FileStore.HistoryEntry> history) implements FiledApplication {

    /** The examination: who, when, the household checked, what the rules gave it that day, the notes. */
    public record Examination(String examinedBy, Instant examinedAt, Commands.HouseholdRequest household, AssessmentView assessment,
                              String notes) {
    }

    public record Decision(String decidedBy, Instant decidedAt, String variant, String variantName, BigDecimal monthlyAmount,
                           LocalDate validFrom, LocalDate validUntil, List<String> refusalReasons, String refusalText) {
    }

    static FileView of(HousingFile f, List<MonthlyPayment> payments, List<FileStore.HistoryEntry> history) {
        HousingFile.Examination e = f.examination();
        HousingFile.Decision d = f.decision();
        return new FileView(f.id(), f.number(), new Receipt(f.receiptNumber(), f.receivedAt(), f.status().name()), f.beneficiaryId(),
                f.section(), f.status().name(), f.renewal(), f.receivedAt(), f.filedBy(), Commands.HouseholdRequest.of(f.declared()),
                f.payee().accountHolder(), Iban.masked(f.payee().iban()),
                e == null ? null : new Examination(e.examinedBy(), e.examinedAt(), Commands.HouseholdRequest.of(e.household()),
                        AssessmentView.of(e.assessment(), List.of()), e.notes()),
                d == null ? null : new Decision(d.decidedBy(), d.decidedAt(), d.variant() == null ? null : d.variant().name(),
                        d.variant() == null ? null : d.variant().french(), d.monthlyAmount(), d.validFrom(), d.validUntil(),
                        d.refusalReasons(), d.refusalText()),
                payments, history);
    }
}
