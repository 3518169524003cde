package fr.paris.casvp.guichet.transport.pass;

import fr.paris.casvp.guichet.contracts.Actor;
import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptNumber;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptState;
import fr.paris.casvp.guichet.contracts.transport.PassConfirmation;
import fr.paris.casvp.guichet.messaging.consumer.PartnerAnswer;
import fr.paris.casvp.guichet.messaging.receipt.Receipts;
import fr.paris.casvp.guichet.messaging.replica.BeneficiaryReplica;
import fr.paris.casvp.guichet.transport.domain.HistoryEntry;
import fr.paris.casvp.guichet.transport.domain.Navigo;
import fr.paris.casvp.guichet.transport.domain.OperatorOrder;
import fr.paris.casvp.guichet.transport.domain.Pass;
import fr.paris.casvp.guichet.transport.domain.PassStep;
import fr.paris.casvp.guichet.transport.domain.TariffNames;
import fr.paris.casvp.guichet.transport.navigo.TariffStore;
import fr.paris.casvp.guichet.web.Agent;
import fr.paris.casvp.guichet.web.FieldError;
import fr.paris.casvp.guichet.web.Fields;
import fr.paris.casvp.guichet.web.ReceptionTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Navigo right's use cases, each in one transaction: check who acts (role, section), load the pass, let it take the
 * step ({@link Pass}; the right itself: {@link Navigo}), store it, and publish its steps on {@code transport.events.v1},
 * its orders on {@code transport.pass-orders.v1} and the receipt's state, through the outbox. Online and queued
 * commands come here alike.
 */
@Service
public class PassService {

    static final ZoneId PARIS = ParisTime.ZONE;
    static final String[] COUNTER = {Agent.AGENT, Agent.SOCIAL_WORKER, Agent.SECTION_DIRECTOR};

    private static final Logger log = LoggerFactory.getLogger(PassService.class);

    private final PassStore store;
    private final TariffStore tariffs;
    private final PassEvents events;
    private final Receipts receipts;
    private final BeneficiaryReplica beneficiaries;
    private final Clock clock;

    PassService(PassStore store, TariffStore tariffs, PassEvents events, Receipts receipts, BeneficiaryReplica beneficiaries,
           Clock clock) {
        this.store = store;
        this.tariffs = tariffs;
        this.events = events;
        this.receipts = receipts;
        this.beneficiaries = beneficiaries;
        this.clock = clock;
    }

    @Transactional
    public Pass request(Commands.Request request, Agent agent) {
        return request(request, agent, null, null);
    }

    /**
     * A request, in the beneficiary's section; a renewal when the beneficiary's latest pass ends, or ended, within the
     * renewal window of its reception.
     *
     * @param receiptNumber the receipt the gateway gave to a command it queued (null: a new one)
     * @param queuedAt      when the gateway received a queued command: its reception time unless the body gives one
     */
    @Transactional
    public Pass request(Commands.Request request, Agent agent, String receiptNumber, Instant queuedAt) {
        agent.requireRole(COUNTER);
        List<FieldError> errors = request.errors();
        Instant now = clock.instant();
        int receptionMonths = tariffs.on(LocalDate.ofInstant(now, PARIS)).value(TariffNames.RECEPTION_MONTHS).intValueExact();
        Instant receivedAt = ReceptionTime.of(request.receivedAt(), queuedAt, now, receptionMonths, errors);
        Fields.check(errors);
        BeneficiarySnapshot beneficiary = beneficiaries.get(request.beneficiaryId(), "beneficiaryId");
        String section = beneficiary.situation().section();
        agent.requireWrite(section);
        LocalDate received = LocalDate.ofInstant(receivedAt, PARIS);
        int window = tariffs.on(received).value(TariffNames.RENEWAL_WINDOW_MONTHS).intValueExact();
        UUID renewalOf = store.latestGranted(beneficiary.id())
                .filter(previous -> !previous.decision().validUntil().isBefore(received.minusMonths(window))
                        && !previous.decision().validUntil().isAfter(received.plusMonths(window)))
                .map(Pass::id).orElse(null);
        Pass pass = Pass.request(UUID.randomUUID(), store.nextNumber(received.getYear()),
                receiptNumber == null ? ReceiptNumber.next() : receiptNumber, beneficiary.id(), section,
                request.navigoCardNumber(), request.zones(), request.receivesParisBenefit(), renewalOf, receivedAt,
                agent.actor(), now);
        store.insert(pass);
        publish(pass);
        return reload(pass.id());
    }

    /**
     * The section director's decision: a grant is checked on the registry's data and the tariffs of the decision date,
     * and the pass it renews, if any, is marked renewed.
     */
    @Transactional
    public Pass decide(UUID id, Commands.Decision decision, Agent agent) {
        agent.requireRole(Agent.SECTION_DIRECTOR);
        Fields.check(decision.errors());
        Pass pass = lockForWrite(id, agent);
        Actor director = agent.actor();
        pass.requireDecidableBy(director);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, PARIS);
        if (decision.outcome() == Commands.Outcome.REFUSED) {
            pass.refuse(decision.reasonCodes(), decision.reasonText(), director, now);
            return save(pass);
        }
        BeneficiarySnapshot beneficiary = beneficiaries.get(pass.beneficiaryId(), "beneficiaryId");
        Navigo.Request facts = Navigo.requestFor(beneficiary.situation(), today, pass.receivesParisBenefit(),
                pass.renewalOf() != null, pass.zones());
        send(pass, pass.grant(Navigo.decide(facts, tariffs.on(today)), today, director, now));
        Pass granted = save(pass);
        Optional<Pass> renewed = pass.renewalOf() == null ? Optional.empty() : store.find(pass.renewalOf(), true);
        if (renewed.isPresent() && renewed.get().renewedBy(pass.number(), director, now)) {
            save(renewed.get());
        }
        return granted;
    }

    /** After a rejected order (unknown card...): the corrected card number, and the order sent again. */
    @Transactional
    public Pass changeCard(UUID id, Commands.CardChange change, Agent agent) {
        agent.requireRole(COUNTER);
        Fields.check(change.errors());
        Pass pass = lockForWrite(id, agent);
        Instant now = clock.instant();
        // The pass leaves the old card (sent with its number) before it is ordered on the new one.
        pass.releaseCard(agent.actor(), now).ifPresent(release -> send(pass, release));
        send(pass, pass.changeCard(change.navigoCardNumber(), agent.actor(), now));
        return save(pass);
    }

    @Transactional
    public Pass cancel(UUID id, Commands.Cancellation cancellation, Agent agent) {
        agent.requireRole(COUNTER);
        Fields.check(cancellation.errors());
        Pass pass = lockForWrite(id, agent);
        pass.cancel(cancellation.reason(), agent.actor(), clock.instant()).ifPresent(order -> send(pass, order));
        return save(pass);
    }

    /** The participation due (paid Navigo, before June 2018) was paid: the reference of the payment. */
    @Transactional
    public Pass participationPaid(UUID id, Commands.ParticipationPayment payment, Agent agent) {
        agent.requireRole(COUNTER);
        Fields.check(payment.errors());
        Pass pass = lockForWrite(id, agent);
        pass.participationPaid(payment.reference(), agent.actor(), clock.instant());
        return save(pass);
    }

    /** Whether this service made the order to the transport operator of that id: an answer to any other is passed by. */
    public boolean ordered(UUID orderId) {
        return store.ordered(orderId);
    }

    /**
     * The operator's answer to one of this service's orders, once; another's, or a second answer, changes nothing; one
     * that does not match its order is parked, never applied.
     */
    @Transactional
    public PartnerAnswer confirm(PassConfirmation confirmation) {
        Optional<OperatorOrder> found = store.lockOrder(confirmation.orderId());
        if (found.isEmpty() || found.get().status() != OperatorOrder.State.SENT) {
            log.info("Pass confirmation for order {} ignored: {}", confirmation.orderId(), found.isEmpty() ? "unknown" : "already answered");
            return PartnerAnswer.ignored();
        }
        OperatorOrder order = found.get();
        Pass pass = store.find(order.passId(), true).orElseThrow();
        List<String> mismatches = confirmation.mismatches(pass.number(), order.orderedAt(), clock.instant());
        if (!mismatches.isEmpty()) {
            return PartnerAnswer.parked(pass.id(), mismatches);
        }
        store.settle(pass.settle(order.id(), confirmation.status() == PassConfirmation.Status.DONE, confirmation.reason(),
                confirmation.at()));
        save(pass);
        return PartnerAnswer.applied(pass.id());
    }

    /** Reminds the active passes that end within the renewal window, once; expires the ones whose validity has ended. */
    @Transactional
    public int[] remindAndExpire() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, PARIS);
        int window = tariffs.on(today).value(TariffNames.RENEWAL_WINDOW_MONTHS).intValueExact();
        List<Pass> expired = store.expiredBefore(today);
        for (Pass pass : expired) {
            pass.expire(now);
            save(pass);
        }
        List<Pass> due = store.toRemind(today.plusMonths(window));
        for (Pass pass : due) {
            pass.remindRenewal(now);
            save(pass);
        }
        return new int[] {due.size(), expired.size()};
    }

    @Transactional(readOnly = true)
    public Pass get(UUID id, Agent agent) {
        Pass pass = store.find(id, false).orElseThrow(() -> notFound(id));
        agent.requireRead(pass.section());
        return pass;
    }

    /** The section's passes (any section's for a supervisor), newest first. */
    @Transactional(readOnly = true)
    public List<Pass> search(UUID beneficiaryId, String status, Agent agent) {
        return store.search(agent.isSupervisor() ? null : agent.section(), beneficiaryId, status);
    }

    /** The person a pass is for, as the registry's replica has them (for a letter). */
    @Transactional(readOnly = true)
    public BeneficiarySituation person(Pass pass) {
        return beneficiaries.get(pass.beneficiaryId(), "beneficiaryId").situation();
    }

    /** A pass's history, as stored. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(UUID id) {
        return store.history(id);
    }

    private void send(Pass pass, OperatorOrder order) {
        store.insert(order);
        events.order(pass, order);
    }

    /** Stores what the step changed and publishes its steps; answers the pass as stored. */
    private Pass save(Pass pass) {
        store.save(pass);
        publish(pass);
        return reload(pass.id());
    }

    private void publish(Pass pass) {
        int seq = store.lastStepSeq(pass.id()) - pass.steps().size();
        for (PassStep step : pass.steps()) {
            events.step(pass, step, ++seq);
            receipts.publish(new Receipts.Filed(pass.receiptNumber(), pass.id(), pass.number(), pass.section(), pass.receivedAt(),
                    pass.beneficiaryId()), step.status().name(), step.reasons(), step.at(), details(pass));
        }
    }

    /** What the person reads on "Suivre ma demande": the dates a granted pass is valid. */
    private static ReceiptState.Details details(Pass pass) {
        Pass.Decision d = pass.decision();
        return d == null || d.product() == null ? null : ReceiptState.Details.of(null, false, d.validFrom(), d.validUntil(), List.of());
    }

    private Pass lockForWrite(UUID id, Agent agent) {
        Pass pass = store.find(id, true).orElseThrow(() -> notFound(id));
        agent.requireWrite(pass.section());
        return pass;
    }

    private Pass reload(UUID id) {
        return store.find(id, false).orElseThrow(() -> notFound(id));
    }

    static Refusal notFound(UUID id) {
        return Refusal.notFound("No Navigo pass " + id + ".");
    }
}
