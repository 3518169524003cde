package fr.paris.casvp.guichet.transport.pass;

import fr.paris.casvp.guichet.contracts.receipt.Receipt;
import fr.paris.casvp.guichet.intake.FiledApplication;
import fr.paris.casvp.guichet.transport.domain.HistoryEntry;
import fr.paris.casvp.guichet.transport.domain.OperatorOrder;
import fr.paris.casvp.guichet.transport.domain.Pass;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A Navigo pass as the API answers it: the request, its receipt, the decision, the product, the orders, the history. */
public record PassView(UUID id, String number, Receipt receipt, UUID beneficiaryId, String section, String navigoCardNumber,
                       String zones, boolean renewal, String status, Instant receivedAt, String filedBy, String decidedBy,
                       Instant decidedAt, List<String> refusalReasons, String refusalText, String product,
                       LocalDate validFrom, LocalDate validUntil, BigDecimal participationDue, Instant participationPaidAt,
                       List<OperatorOrder> orders, List<HistoryEntry> history) implements FiledApplication {

    static PassView of(Pass p, List<HistoryEntry> history) {
        Pass.Decision d = p.decision();
        Pass.Participation participation = p.participation();
        return new PassView(p.id(), p.number(), new Receipt(p.receiptNumber(), p.receivedAt(), p.status().name()),
                p.beneficiaryId(), p.section(), p.navigoCardNumber(), p.zones(), p.renewalOf() != null, p.status().name(),
                p.receivedAt(), p.filedBy(), d == null ? null : d.decidedBy(), d == null ? null : d.decidedAt(),
                d == null || d.refusalReasons() == null ? List.of() : d.refusalReasons(), d == null ? null : d.refusalText(),
                d == null ? null : d.product(), d == null ? null : d.validFrom(), d == null ? null : d.validUntil(),
                participation == null ? null : participation.due(), participation == null ? null : participation.paidAt(),
                p.orders(), history);
    }
}
