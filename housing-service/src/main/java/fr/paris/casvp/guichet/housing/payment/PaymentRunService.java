package fr.paris.casvp.guichet.housing.payment;

import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.payment.PaymentConfirmation;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrder;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrderV2;
import fr.paris.casvp.guichet.messaging.consumer.PartnerAnswer;
import fr.paris.casvp.guichet.messaging.outbox.Outbox;
import fr.paris.casvp.guichet.messaging.outbox.OutboxEvent;
import fr.paris.casvp.guichet.messaging.partner.Pseudonyms;
import fr.paris.casvp.guichet.web.Agent;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monthly payment run (RM II 2.1 c/2: the allowance is paid every month of its grant): for a month, every grant
 * that covers it gets one payment, ordered from the treasury on {@code payment-orders.v2} through the outbox in the same
 * transaction. A payment's key is (file, month): running a month again, or resuming a run that stopped (a killed
 * instance leaves it RUNNING), orders nothing twice. Batches of {@link #BATCH} grants, each its own transaction, locked
 * so that two runners of the same month share the grants rather than pay them twice.
 *
 * <p>Paris Logement writes version 2 of the payment order only: version 1 names its two issuers by an enum, and a new
 * issuer there would break a partner that checks it (docs/partners.md).
 */
@Service
public class PaymentRunService {

    static final String ISSUER = "housing-service";
    static final int BATCH = 500;
    private static final DateTimeFormatter LABEL_MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    private final PaymentStore store;
    private final Outbox outbox;
    private final Pseudonyms pseudonyms;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    PaymentRunService(PaymentStore store, Outbox outbox, Pseudonyms pseudonyms, TransactionTemplate transactions, JsonMapper json,
                      Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.pseudonyms = pseudonyms;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** Runs the month to its end (or resumes it), batch by batch; a completed month is only reported (SUPERVISOR). */
    public RunReport run(YearMonth month, Agent agent) {
        agent.requireRole(Agent.SUPERVISOR);
        store.startRun(month, agent.toString(), clock.instant());
        runToCompletion(month);
        return store.report(month).orElseThrow();
    }

    /** Pays every grant of the month not paid yet; returns how many this call ordered. */
    public int runToCompletion(YearMonth month) {
        int ordered = 0;
        int batch;
        do {
            batch = transactions.execute(status -> pay(month, store.due(month, BATCH)));
            ordered += batch;
        } while (batch > 0);
        store.completeRun(month, clock.instant());
        return ordered;
    }

    public RunReport report(YearMonth month, Agent agent) {
        agent.requireRole(Agent.SUPERVISOR);
        return store.report(month).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, ProblemTypes.NOT_FOUND, "No run",
                "No payment run for " + month + "."));
    }

    private int pay(YearMonth month, List<PaymentStore.Due> batch) {
        Instant now = clock.instant();
        for (PaymentStore.Due due : batch) {
            UUID orderId = UUID.randomUUID();
            String reference = due.fileNumber() + "-" + month;
            store.insert(orderId, due.fileId(), month, reference, due.amount(), now);
            String beneficiary = pseudonyms.of(Pseudonyms.Partner.TREASURY, due.beneficiaryId());
            PaymentOrder order = new PaymentOrder(orderId, reference, ISSUER, beneficiary,
                    new PaymentOrder.Payee(PaymentOrder.PayeeKind.BENEFICIARY, due.accountHolder(), due.iban()), due.amount(), "EUR",
                    "CASVP PARIS LOGEMENT " + month.format(LABEL_MONTH), now);
            outbox.add(new OutboxEvent(UUID.randomUUID(), Topic.PAYMENT_ORDERS_V2.topicName(), beneficiary, PaymentOrderV2.TYPE,
                    "housing/payments/" + orderId, now, json.writeValueAsString(PaymentOrderV2.of(order))));
        }
        return batch.size();
    }

    /** Whether this service made the payment order of that id: the answers to other services' orders are passed by. */
    public boolean ordered(UUID orderId) {
        return store.ordered(orderId);
    }

    /**
     * The treasury's answer to one of this service's payments, once; another issuer's, or an answer already applied, is
     * ignored; one that does not match its order is parked, never applied.
     */
    @Transactional
    public PartnerAnswer settle(PaymentConfirmation confirmation) {
        Optional<PaymentStore.Ordered> order = store.lockOrdered(confirmation.orderId());
        if (order.isEmpty()) {
            return PartnerAnswer.ignored();
        }
        List<String> mismatches = confirmation.mismatches(order.get().reference(), order.get().amount(), order.get().orderedAt(),
                clock.instant());
        if (!mismatches.isEmpty()) {
            return PartnerAnswer.parked(order.get().reference(), mismatches);
        }
        boolean paid = confirmation.status() == PaymentConfirmation.Status.PAID;
        store.settle(confirmation.orderId(), paid, paid ? null : confirmation.reason(), confirmation.settledAt());
        return PartnerAnswer.applied(order.get().reference());
    }
}
