package fr.paris.casvp.guichet.solidarity.payment;

import fr.paris.casvp.guichet.audit.AuditTrail;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.contracts.figures.DatedFigures;
import fr.paris.casvp.guichet.contracts.figures.FigureWarning;
import fr.paris.casvp.guichet.contracts.payment.PaymentConfirmation;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrder;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrderV2;
import fr.paris.casvp.guichet.messaging.consumer.PartnerAnswer;
import fr.paris.casvp.guichet.messaging.outbox.Outbox;
import fr.paris.casvp.guichet.messaging.outbox.OutboxEvent;
import fr.paris.casvp.guichet.solidarity.allowance.ParameterService;
import fr.paris.casvp.guichet.solidarity.allowance.ParameterStore;
import fr.paris.casvp.guichet.solidarity.domain.Allowance;
import fr.paris.casvp.guichet.solidarity.domain.HouseholdFacts;
import fr.paris.casvp.guichet.solidarity.domain.MonthlyPayment;
import fr.paris.casvp.guichet.solidarity.domain.ParameterNames;
import fr.paris.casvp.guichet.solidarity.domain.PaymentRunReport;
import fr.paris.casvp.guichet.solidarity.file.SolidarityEvents;
import fr.paris.casvp.guichet.web.Agent;
import jakarta.annotation.PreDestroy;
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
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monthly payment run (RM II.1.1): for a month, every grant that covers it gets one payment
 * ({@link MonthlyPayment}: ORDERED with a payment order on {@code payment-orders.v1} through the outbox, in the same
 * transaction, or SKIPPED with the reason).
 *
 * <p>Idempotent and crash-safe: a payment's key is (grant, month), and each batch writes its payments and their orders
 * in one transaction; a run that was interrupted (process killed) is still RUNNING and resumes where it stopped, at
 * start-up and on every instance's watch ({@link PaymentRunWatch}, every 30 s): when the
 * instance running it dies, a surviving one finishes the month. Running a completed month again creates nothing.
 *
 * <p>Runners in parallel ({@code guichet.solidarity.payment-run.runners}, 2 by default): the month's grants are cut
 * into slices of their ids, each paid in id order by one runner; a batch takes its slice's lock, so two runners, of
 * one instance or two, never compute the same batch at once, and a grant already paid is left out of any batch.
 */
@Service
public class PaymentRunService {

    private static final Logger log = LoggerFactory.getLogger(PaymentRunService.class);
    private static final int BATCH = 1000;
    /** The slices of the grants' ids the runners share (fixed, so that any instance cuts a month the same way). */
    private static final int SLICES = 32;
    private static final DateTimeFormatter LABEL_MONTH = DateTimeFormatter.ofPattern("MM/yyyy");
    static final String ISSUER = "solidarity-service";

    private final PaymentStore store;
    private final ParameterStore parameters;
    private final ParameterService figures;
    private final AuditTrail audit;
    private final SolidarityEvents events;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final int runners;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "psol-payment-run"));
    /** The months this instance runs or has queued, so that the watch never queues one twice. */
    private final Set<YearMonth> inProgress = ConcurrentHashMap.newKeySet();

    PaymentRunService(PaymentStore store, ParameterStore parameters, ParameterService figures, AuditTrail audit,
                      SolidarityEvents events, Outbox outbox, TransactionTemplate transactions, JsonMapper json, Clock clock,
                      @Value("${guichet.solidarity.payment-run.runners:2}") int runners) {
        this.store = store;
        this.parameters = parameters;
        this.figures = figures;
        this.audit = audit;
        this.events = events;
        this.outbox = outbox;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        if (runners < 1) {
            throw new IllegalArgumentException("guichet.solidarity.payment-run.runners must be at least 1, not " + runners);
        }
        this.runners = runners;
    }

    /**
     * Starts the run of a month in the background (or resumes it); a completed month is only reported. A new run whose
     * month rests on stale figures (a revaluation due and not recorded) starts only once the supervisor confirms it,
     * and the confirmation, naming the figures, is in the audit trail.
     */
    public PaymentRunReport start(YearMonth month, boolean confirmStaleFigures, Agent agent) {
        agent.requireRole(Agent.SUPERVISOR);
        parameters.on(month.atDay(1)).value(ParameterNames.PAYMENT_THRESHOLD); // 422 now rather than a failed run
        if (store.report(month).isEmpty()) {
            List<DatedFigures.Stale> stale = figures.stale(month.atDay(1));
            if (!stale.isEmpty() && !confirmStaleFigures) {
                throw new Refusal(Refusal.Kind.CONFLICT, ProblemTypes.STALE_FIGURES, "Stale figures",
                        "The run of " + month + " would use figures whose revaluation is overdue: "
                                + String.join(", ", stale.stream().map(DatedFigures.Stale::name).toList())
                                + ". Record their new values, or confirm the run with them (confirmStaleFigures).")
                        .with("staleFigures", FigureWarning.of(stale));
            }
            if (!stale.isEmpty()) {
                audit.record(agent, "CONFIRM STALE FIGURES " + String.join(" ", stale.stream().map(DatedFigures.Stale::name).toList()),
                        "payment-run", month.toString(), 200);
                log.warn("Payment run of {} confirmed by {} with stale figures {}", month, agent.username(),
                        stale.stream().map(DatedFigures.Stale::name).toList());
            }
        }
        store.startRun(month, agent.toString(), clock.instant());
        PaymentRunReport report = store.report(month).orElseThrow();
        if (report.status().equals("RUNNING")) {
            submit(month);
        }
        return report;
    }

    /** What the run of the month did so far (SUPERVISOR). */
    public PaymentRunReport report(YearMonth month, Agent agent) {
        agent.requireRole(Agent.SUPERVISOR);
        return report(month).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, ProblemTypes.NOT_FOUND, "No run",
                "No payment run for " + month + "."));
    }

    public Optional<PaymentRunReport> report(YearMonth month) {
        return store.report(month);
    }

    /** What the latest run did so far (the operators' metrics); empty before the first run. */
    public Optional<PaymentRunReport> latestReport() {
        return store.latestRun().flatMap(store::report);
    }

    /**
     * At start-up, then on a watch: the runs left unfinished (a stopped or killed instance, this one or another) are
     * taken up. A run another live instance is doing is shared batch by batch (each batch under the month's lock).
     *
     * @return the months this call queued
     */
    public List<YearMonth> resumeUnfinished() {
        List<YearMonth> queued = new ArrayList<>();
        for (YearMonth month : store.unfinishedRuns()) {
            if (submit(month)) {
                log.info("Resuming the payment run of {}", month);
                queued.add(month);
            }
        }
        return queued;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        resumeUnfinished();
    }

    private boolean submit(YearMonth month) {
        if (!inProgress.add(month)) {
            return false;
        }
        try {
            runner.submit(() -> {
                try {
                    log.info("Payment run of {}: running on this instance", month);
                    runSafely(month);
                } finally {
                    inProgress.remove(month);
                }
            });
            return true;
        } catch (RejectedExecutionException stopping) {
            inProgress.remove(month);
            return false;
        }
    }

    /** A graceful stop: the batch in progress commits, the run stops between two batches and is left RUNNING. */
    @PreDestroy
    void stop() throws InterruptedException {
        runner.shutdownNow();
        if (!runner.awaitTermination(20, TimeUnit.SECONDS)) {
            log.warn("The payment run did not stop within 20 s: its batch in progress rolls back with the process");
        }
    }

    private void runSafely(YearMonth month) {
        try {
            long started = System.nanoTime();
            int done = runToCompletion(month);
            log.info("Payment run of {}: {} grant(s) processed in {} ms", month, done, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.error("Payment run of {} stopped; it resumes at the next watch, start or request", month, e);
        }
    }

    /**
     * Processes every grant of the month not processed yet, batch by batch, then marks the run completed. The month is
     * this instance's while it runs: its watch does not queue a second runner of it.
     */
    public int runToCompletion(YearMonth month) {
        boolean ours = inProgress.add(month);
        try {
            return runBatches(month);
        } finally {
            if (ours) {
                inProgress.remove(month);
            }
        }
    }

    /**
     * The month's grants cut into {@link #SLICES} slices of their ids, shared by this instance's runners: each takes the
     * next slice not begun and pays it batch by batch, in id order. The month is completed once every slice is.
     */
    private int runBatches(YearMonth month) {
        Allowance.Parameters monthParameters = parameters.on(month.atDay(1));
        Queue<GrantRange> slices = new ConcurrentLinkedQueue<>(GrantRange.split(SLICES));
        AtomicInteger total = new AtomicInteger();
        AtomicBoolean stopped = new AtomicBoolean(Thread.currentThread().isInterrupted());
        ExecutorService pool = Executors.newFixedThreadPool(runners, r -> new Thread(r, "psol-payment-runner"));
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < runners && !stopped.get(); i++) {
            workers.add(pool.submit(() -> {
                try {
                    for (GrantRange slice = slices.poll(); slice != null && !stopped.get(); slice = slices.poll()) {
                        if (!paySlice(month, slice, monthParameters, total, stopped)) {
                            stopped.set(true);
                        }
                    }
                } catch (RuntimeException failed) {
                    stopped.set(true); // the other runners stop after their batch; the run resumes from what committed
                    throw failed;
                }
            }));
        }
        pool.shutdown();
        boolean interrupted = false;
        try {
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException stop) {
            stopped.set(true);
            interrupted = true;
        } catch (ExecutionException failed) {
            stopped.set(true);
            throw failed.getCause() instanceof RuntimeException e ? e : new IllegalStateException(failed.getCause());
        } finally {
            // The batches in progress commit (they are not interrupted); none starts after this.
            interrupted |= awaitRunners(pool);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (stopped.get() || !slices.isEmpty()) {
            // A graceful stop (SIGTERM) between two batches: the month is not over. Left RUNNING, the run resumes on
            // another instance's watch or at the next start (resumeUnfinished) from the first grant not paid yet.
            log.info("Payment run of {} stopped after {} grant(s): left RUNNING, another instance or the next start resumes it",
                    month, total.get());
            return total.get();
        }
        store.completeRun(month, clock.instant());
        return total.get();
    }

    /**
     * Pays one slice, batch by batch, each in its transaction.
     *
     * @return false when the run was stopped (or another runner failed) before the end of the slice
     */
    private boolean paySlice(YearMonth month, GrantRange slice, Allowance.Parameters monthParameters, AtomicInteger total,
                             AtomicBoolean stopped) {
        Optional<UUID> from = Optional.of(slice.first());
        while (from.isPresent()) {
            if (stopped.get()) {
                return false;
            }
            UUID start = from.get();
            PaymentStore.Batch batch = transactions.execute(status -> {
                PaymentStore.Batch read = store.due(month, slice, start, BATCH);
                pay(month, read.due(), monthParameters);
                return read;
            });
            total.addAndGet(batch.due().size());
            from = batch.lastRead() == null ? Optional.empty() : slice.following(batch.lastRead());
        }
        return true;
    }

    /** Waits for the runners to end their batch, uninterrupted; returns whether this thread was interrupted meanwhile. */
    private static boolean awaitRunners(ExecutorService pool) {
        boolean interrupted = Thread.interrupted();
        while (true) {
            try {
                if (pool.awaitTermination(30, TimeUnit.SECONDS)) {
                    return interrupted;
                }
                log.warn("A payment runner is still in its batch after 30 s");
            } catch (InterruptedException again) {
                interrupted = true;
            }
        }
    }

    /** One batch: each grant's payment, and the orders of those ordered, in the batch's transaction. */
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

    /** Whether this service made the payment order of that id: the answers to other services' orders are passed by. */
    public boolean ordered(UUID orderId) {
        return store.ordered(orderId);
    }

    /**
     * The treasury's answer to one of this service's monthly payments; another issuer's, or an answer already applied,
     * is ignored; one that does not match its order is parked, never applied.
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
        store.settle(confirmation.orderId(), paid ? MonthlyPayment.Status.PAID : MonthlyPayment.Status.FAILED,
                paid ? null : confirmation.reason(), confirmation.settledAt());
        return PartnerAnswer.applied(order.get().reference());
    }
}
