package fr.paris.casvp.guichet.housing.payment;

import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrder;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrderV2;
import fr.paris.casvp.guichet.messaging.outbox.Outbox;
import fr.paris.casvp.guichet.messaging.outbox.OutboxEvent;
import fr.paris.casvp.guichet.messaging.partner.Pseudonyms;
import fr.paris.casvp.guichet.monthlyrun.IdSlice;
import fr.paris.casvp.guichet.monthlyrun.MonthlyBenefit;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Paris Logement as a benefit paid every month (RM II 2.1 c/2: the allowance is paid every month of its grant), run by
 * {@code platform/monthly-run}: in one batch, each granted file that covers the month gets its payment, ordered from the
 * treasury on {@code payment-orders.v2} through the outbox in the batch's transaction. A payment's key is (file, month);
 * the runs are in {@code housing_payment_run}. Nothing is shared by a month's batches: the amount is the file's, fixed
 * by its decision.
 *
 * <p>Paris Logement writes version 2 of the payment order only: version 1 names its two issuers by an enum, and a new
 * issuer there would break a partner that checks it (docs/partners.md).
 */
@Component
class HousingMonthlyPayments implements MonthlyBenefit<Void> {

    static final String ISSUER = "housing-service";
    private static final DateTimeFormatter LABEL_MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    private final PaymentStore store;
    private final Outbox outbox;
    private final Pseudonyms pseudonyms;
    private final JsonMapper json;
    private final Clock clock;

    HousingMonthlyPayments(PaymentStore store, Outbox outbox, Pseudonyms pseudonyms, JsonMapper json, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.pseudonyms = pseudonyms;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "housing";
    }

    @Override
    public int batchSize() {
        return 500;
    }

    @Override
    public List<YearMonth> unfinishedRuns() {
        return store.unfinishedRuns();
    }

    @Override
    public Void month(YearMonth month) {
        return null;
    }

    @Override
    public Batch pay(YearMonth month, IdSlice slice, UUID from, int size, Void shared) {
        PaymentStore.Batch batch = store.due(month, slice, from, size);
        if (batch.lastRead() == null) {
            return Batch.END;
        }
        Instant now = clock.instant();
        for (PaymentStore.Due due : batch.due()) {
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
        return new Batch(batch.due().size(), batch.lastRead());
    }

    @Override
    public void complete(YearMonth month, Instant at) {
        store.completeRun(month, at);
    }
}
