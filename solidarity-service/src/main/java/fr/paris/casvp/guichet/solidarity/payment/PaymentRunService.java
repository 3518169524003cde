package fr.paris.casvp.guichet.solidarity.payment;

import fr.paris.casvp.guichet.audit.AuditTrail;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.contracts.figures.DatedFigures;
import fr.paris.casvp.guichet.contracts.figures.FigureWarning;
import fr.paris.casvp.guichet.contracts.payment.PaymentConfirmation;
import fr.paris.casvp.guichet.messaging.consumer.PartnerAnswer;
import fr.paris.casvp.guichet.monthlyrun.MonthlyRun;
import fr.paris.casvp.guichet.solidarity.allowance.ParameterService;
import fr.paris.casvp.guichet.solidarity.allowance.ParameterStore;
import fr.paris.casvp.guichet.solidarity.domain.Allowance;
import fr.paris.casvp.guichet.solidarity.domain.MonthlyPayment;
import fr.paris.casvp.guichet.solidarity.domain.ParameterNames;
import fr.paris.casvp.guichet.solidarity.domain.PaymentRunReport;
import fr.paris.casvp.guichet.web.Agent;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly payment run of Paris Solidarité (RM II.1.1), as its supervisors start it and read it: for a month, every
 * grant that covers it gets one payment ({@link MonthlyPayments}), paid by the platform's run ({@code platform/monthly-run}:
 * batches in their transactions, runners in parallel over slices of the grants' ids, crash-safe, resumed by any
 * instance's watch); and the treasury's answers to its payment orders.
 */
@Service
public class PaymentRunService {

    private static final Logger log = LoggerFactory.getLogger(PaymentRunService.class);

    private final PaymentStore store;
    private final ParameterStore parameters;
    private final ParameterService figures;
    private final AuditTrail audit;
    private final MonthlyRun<Allowance.Parameters> run;
    private final Clock clock;

    PaymentRunService(PaymentStore store, ParameterStore parameters, ParameterService figures, AuditTrail audit,
                      MonthlyRun<Allowance.Parameters> run, Clock clock) {
        this.store = store;
        this.parameters = parameters;
        this.figures = figures;
        this.audit = audit;
        this.run = run;
        this.clock = clock;
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
            run.submit(month);
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
     * The runs left unfinished (a stopped or killed instance, this one or another) taken up here, as the platform's
     * watch does at start-up and every 30 s; a run another live instance is doing is shared slice by slice.
     *
     * @return the months this call queued
     */
    public List<YearMonth> resumeUnfinished() {
        return run.resumeUnfinished();
    }

    /**
     * Pays every grant of the month not processed yet in this thread and the run's runners, then marks the run completed
     * (a stop or a failure leaves it RUNNING).
     *
     * @return how many grants this call processed (ordered or skipped)
     */
    public int runToCompletion(YearMonth month) {
        return run.runToCompletion(month);
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
