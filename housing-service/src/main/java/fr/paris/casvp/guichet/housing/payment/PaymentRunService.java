package fr.paris.casvp.guichet.housing.payment;

import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.contracts.payment.PaymentConfirmation;
import fr.paris.casvp.guichet.messaging.consumer.PartnerAnswer;
import fr.paris.casvp.guichet.monthlyrun.MonthlyRun;
import fr.paris.casvp.guichet.web.Agent;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly payment run of Paris Logement, as its supervisors run it and read it: for a month, every grant that covers
 * it gets one payment ({@link HousingMonthlyPayments}), paid by the platform's run ({@code platform/monthly-run}: batches
 * in their transactions, runners in parallel over slices of the files' ids, resumed by any instance's watch when a
 * killed one left it RUNNING). Running a month again orders nothing twice. And the treasury's answers to its orders.
 */
@Service
public class PaymentRunService {

    private final PaymentStore store;
    private final MonthlyRun<Void> run;
    private final Clock clock;

    PaymentRunService(PaymentStore store, MonthlyRun<Void> run, Clock clock) {
        this.store = store;
        this.run = run;
        this.clock = clock;
    }

    /**
     * Runs the month to its end (or resumes it) and reports it; a completed month is only reported (SUPERVISOR). Paris
     * Logement's months are small enough to be paid while the supervisor waits; a run stopped on the way (the instance
     * stopping) is reported RUNNING and finished by the watch.
     */
    public RunReport run(YearMonth month, Agent agent) {
        agent.requireRole(Agent.SUPERVISOR);
        store.startRun(month, agent.toString(), clock.instant());
        if (store.report(month).orElseThrow().status().equals("RUNNING")) {
            run.runToCompletion(month);
        }
        return store.report(month).orElseThrow();
    }

    /** The runs left unfinished taken up here, as the platform's watch does at start-up and every 30 s. */
    public List<YearMonth> resumeUnfinished() {
        return run.resumeUnfinished();
    }

    public RunReport report(YearMonth month, Agent agent) {
        agent.requireRole(Agent.SUPERVISOR);
        return store.report(month).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, ProblemTypes.NOT_FOUND, "No run",
                "No payment run for " + month + "."));
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
