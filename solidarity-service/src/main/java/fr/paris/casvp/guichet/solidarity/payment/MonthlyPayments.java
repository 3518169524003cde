package fr.paris.casvp.guichet.solidarity.payment;

import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrder;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrderV2;
import fr.paris.casvp.guichet.messaging.outbox.Outbox;
import fr.paris.casvp.guichet.messaging.outbox.OutboxEvent;
import fr.paris.casvp.guichet.monthlyrun.IdSlice;
import fr.paris.casvp.guichet.monthlyrun.MonthlyBenefit;
import fr.paris.casvp.guichet.solidarity.allowance.ParameterStore;
import fr.paris.casvp.guichet.solidarity.domain.Allowance;
import fr.paris.casvp.guichet.solidarity.domain.HouseholdFacts;
import fr.paris.casvp.guichet.solidarity.domain.MonthlyPayment;
import fr.paris.casvp.guichet.solidarity.file.SolidarityEvents;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Paris Solidarité as a benefit paid every month (RM II.1.1), run by {@code platform/monthly-run}: in one batch, each
 * grant's payment of the month ({@link MonthlyPayment}: ORDERED with a payment order on {@code payment-orders.v1} and
 * {@code .v2} through the outbox, in the batch's transaction, or SKIPPED with the reason), with the arrears or
 * overpayments it carries. The runs are in {@code psol_payment_run}; a payment's key is (grant, month).
 */
@Component
class MonthlyPayments implements MonthlyBenefit<Allowance.Parameters> {

    private static final DateTimeFormatter LABEL_MONTH = DateTimeFormatter.ofPattern("MM/yyyy");
    static final String ISSUER = "solidarity-service";

    private final PaymentStore store;
    private final ParameterStore parameters;
    private final SolidarityEvents events;
    private final Outbox outbox;
    private final JsonMapper json;
    private final Clock clock;

    MonthlyPayments(PaymentStore store, ParameterStore parameters, SolidarityEvents events, Outbox outbox, JsonMapper json,
                    Clock clock) {
        this.store = store;
        this.parameters = parameters;
        this.events = events;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "psol";
    }

    @Override
    public List<YearMonth> unfinishedRuns() {
        return store.unfinishedRuns();
    }

    /** The parameters in force on the month's first day, for every batch of its run. */
    @Override
    public Allowance.Parameters month(YearMonth month) {
        return parameters.on(month.atDay(1));
    }

    @Override
    public Batch pay(YearMonth month, IdSlice slice, UUID from, int size, Allowance.Parameters monthParameters) {
        PaymentStore.Batch batch = store.due(month, slice, from, size);
        if (batch.lastRead() == null) {
            return Batch.END;
        }
        pay(month, batch.due(), monthParameters);
        return new Batch(batch.due().size(), batch.lastRead());
    }

    @Override
    public void complete(YearMonth month, Instant at) {
        store.completeRun(month, at);
    }

    /** One batch: each grant's payment, and the orders of those ordered. */
    private void pay(YearMonth month, List<PaymentStore.DueWithPerson> batch, Allowance.Parameters monthParameters) {
        List<UUID> partnerIds = new ArrayList<>();
        batch.stream().filter(d -> d.person() != null)
                .forEach(d -> HouseholdFacts.partnerOf(d.person()).ifPresent(partnerIds::add));
        Map<UUID, BeneficiarySnapshot> partners = store.snapshots(partnerIds);
        Map<UUID, BigDecimal> pending = store.pendingAdjustments(batch.stream().map(d -> d.due().grantId()).toList());
        Map<UUID, BigDecimal> carried = new HashMap<>();
        Instant now = clock.instant();
        List<MonthlyPayment> payments = new ArrayList<>(batch.size());
        List<OutboxEvent> orders = new ArrayList<>();
        for (PaymentStore.DueWithPerson d : batch) {
            MonthlyPayment payment = MonthlyPayment.of(month, d.due(), d.person(), id -> Optional.ofNullable(partners.get(id)),
                    monthParameters);
            BigDecimal adjustments = pending.get(d.due().grantId());
            if (adjustments != null && payment.orderId() != null && payment.amount().add(adjustments).signum() > 0) {
                // Arrears or an overpayment of past months (a figure changed since they were paid), with this month's.
                payment = payment.plus(adjustments);
                carried.put(d.due().grantId(), adjustments);
            }
            payments.add(payment);
            if (payment.orderId() != null) {
                String beneficiary = events.treasuryPseudonym(d.due().beneficiaryId());
                PaymentOrder order = new PaymentOrder(payment.orderId(), payment.reference(), ISSUER, beneficiary,
                        new PaymentOrder.Payee(PaymentOrder.PayeeKind.BENEFICIARY, d.due().accountHolder(), d.due().iban()),
                        payment.amount(), "EUR", "CASVP PARIS SOLIDARITE " + month.format(LABEL_MONTH), now);
                orders.add(new OutboxEvent(UUID.randomUUID(), Topic.PAYMENT_ORDERS.topicName(), beneficiary, PaymentOrder.TYPE,
                        "solidarity/payments/" + payment.orderId(), now, json.writeValueAsString(order)));
                // And in version 2 of the contract, under the same order id, for the overlap period (docs/partners.md).
                orders.add(new OutboxEvent(UUID.randomUUID(), Topic.PAYMENT_ORDERS_V2.topicName(), beneficiary, PaymentOrderV2.TYPE,
                        "solidarity/payments/" + payment.orderId(), now, json.writeValueAsString(PaymentOrderV2.of(order))));
            }
        }
        store.insert(month, payments, carried, now);
        store.settleAdjustments(carried.keySet(), month);
        outbox.addAll(orders);
    }
}
