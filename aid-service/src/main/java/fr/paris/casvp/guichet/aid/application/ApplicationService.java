package fr.paris.casvp.guichet.aid.application;

import fr.paris.casvp.guichet.aid.domain.Application;
import fr.paris.casvp.guichet.aid.domain.CapRule;
import fr.paris.casvp.guichet.aid.domain.Category;
import fr.paris.casvp.guichet.aid.domain.Decision;
import fr.paris.casvp.guichet.aid.domain.Domicile;
import fr.paris.casvp.guichet.aid.domain.Payee;
import fr.paris.casvp.guichet.aid.domain.Payment;
import fr.paris.casvp.guichet.aid.domain.Status;
import fr.paris.casvp.guichet.aid.domain.Step;
import fr.paris.casvp.guichet.contracts.Actor;
import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.contracts.aid.AidApplicationEvent.Transition;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.contracts.payment.PaymentConfirmation;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptNumber;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptState;
import fr.paris.casvp.guichet.messaging.consumer.PartnerAnswer;
import fr.paris.casvp.guichet.messaging.receipt.Receipts;
import fr.paris.casvp.guichet.messaging.replica.BeneficiaryReplica;
import fr.paris.casvp.guichet.web.Agent;
import fr.paris.casvp.guichet.web.FieldError;
import fr.paris.casvp.guichet.web.ReceptionTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The aid's use cases, each in one transaction: check who acts (role, section), load the application, let it take the
 * step ({@link Application}: its rules and transitions; {@link CapRule}: the household cap), store it, and publish its
 * new steps — on {@code aid.events.v1}, the payment orders on {@code payment-orders.v1}, the receipt's state for the
 * public — through the outbox, in the same transaction. Online and queued commands come here alike.
 */
@Service
public class ApplicationService {

    static final ZoneId PARIS = ParisTime.ZONE;
    /** Who files applications and completes files. */
    static final String[] COUNTER = {Agent.AGENT, Agent.SOCIAL_WORKER, Agent.SECTION_DIRECTOR};
    /** Who records an examination. */
    static final String[] EXAMINERS = {Agent.SOCIAL_WORKER, Agent.SECTION_DIRECTOR};
    /** The answer to a list: its first 200 applications. */
    static final int LIST_LIMIT = 200;
    /** A second application of the same kind within this window asks the agent's confirmation. */
    static final Duration REPEAT_WINDOW = Duration.ofDays(30);

    private static final Logger log = LoggerFactory.getLogger(ApplicationService.class);

    private final ApplicationStore store;
    private final ParameterStore parameters;
    private final BeneficiaryReplica beneficiaries;
    private final AidEvents events;
    private final Receipts receipts;
    private final Clock clock;

    ApplicationService(ApplicationStore store, ParameterStore parameters, BeneficiaryReplica beneficiaries, AidEvents events,
                 Receipts receipts, Clock clock) {
        this.store = store;
        this.parameters = parameters;
        this.beneficiaries = beneficiaries;
        this.events = events;
        this.receipts = receipts;
        this.clock = clock;
    }

    @Transactional
    public Application file(Commands.Filing filing, Agent agent) {
        return file(filing, agent, null, null);
    }

    /**
     * Files an application in the section that follows the beneficiary's file.
     *
     * @param receiptNumber the receipt the gateway gave to a command it queued (null: a new one)
     * @param queuedAt      when the gateway received a queued command: its reception time unless the body gives one
     */
    @Transactional
    public Application file(Commands.Filing filing, Agent agent, String receiptNumber, Instant queuedAt) {
        agent.requireRole(COUNTER);
        Commands.check(filing.errors());
        Instant now = clock.instant();
        BeneficiarySnapshot beneficiary = beneficiaries.get(filing.beneficiaryId(), "beneficiaryId");
        String section = beneficiary.situation().section();
        List<FieldError> errors = new ArrayList<>();
        if (filing.section() != null && !filing.section().equals(section)) {
            errors.add(FieldError.of("section", "the beneficiary's file is followed by section " + section
                    + ": the application is filed there (RM I/B art. 1)"));
        }
        LocalDate today = LocalDate.ofInstant(now, PARIS);
        Instant receivedAt = ReceptionTime.of(filing.receivedAt(), queuedAt, now,
                parameters.integer(ParameterStore.LAPSE_MONTHS, today), errors);
        Commands.check(errors);
        agent.requireWrite(section);
        if (queuedAt == null && !Boolean.TRUE.equals(filing.repeatConfirmed())) {
            refuseUnconfirmedRepeat(beneficiary.id(), filing.category(), receivedAt);
        }
        Application application = Application.file(UUID.randomUUID(),
                store.nextNumber(LocalDate.ofInstant(receivedAt, PARIS).getYear()),
                receiptNumber == null ? ReceiptNumber.next() : receiptNumber, beneficiary, filing.category(),
                filing.disasterEvent(), filing.requestedAmount(), filing.reason(),
                payee(filing.payee(), beneficiary.situation()), filing.missingDocuments(), receivedAt, queuedAt != null,
                agent.actor(), now);
        store.insert(application);
        publish(application);
        return reload(application.id());
    }

    /**
     * An aid may be granted again (within the household's cap), but a second application of the same kind while the
     * first is examined, or within 30 days of it, is most often the same request typed twice (issue #36: a second
     * identical rent-arrears aid was accepted minutes later). Refused as 409 {@code repeat-filing}, naming the first, until
     * the agent confirms it ({@code repeatConfirmed}). A command queued during an outage is not refused: nobody is
     * there to confirm it, and nothing accepted may be lost; the examiner sees both in the person's file.
     */
    private void refuseUnconfirmedRepeat(UUID beneficiaryId, Category category, Instant receivedAt) {
        Instant since = receivedAt.minus(REPEAT_WINDOW);
        store.search(null, null, beneficiaryId, 50).stream()
                .filter(a -> a.category() == category && (Status.PENDING.contains(a.status()) || a.receivedAt().isAfter(since)))
                .findFirst()
                .ifPresent(first -> {
                    throw new Refusal(Refusal.Kind.CONFLICT, ProblemTypes.REPEAT_FILING, "Possible repeat",
                            "Application " + first.number() + " (" + category + "), received on "
                                    + LocalDate.ofInstant(first.receivedAt(), PARIS) + ", is " + first.status()
                                    + ": send repeatConfirmed=true to file a second one.")
                            .with("existing", first.number()).with("existingStatus", first.status().name())
                            .with("confirmable", true);
                });
    }

    @Transactional
    public Application documents(UUID id, Commands.Documents documents, Agent agent) {
        agent.requireRole(COUNTER);
        Commands.check(documents.errors());
        Application application = lockForWrite(id, agent);
        application.recordMissingDocuments(documents.missingDocuments(), agent.actor(), clock.instant());
        return save(application);
    }

    @Transactional
    public Application examine(UUID id, Commands.Examination examination, Agent agent) {
        agent.requireRole(EXAMINERS);
        Commands.check(examination.errors());
        Application application = lockForWrite(id, agent);
        application.examine(examination.assessment(), examination.proposedAmount(), agent.actor(), clock.instant());
        return save(application);
    }

    /**
     * The section director's decision. A refusal gives its reason. A grant is checked against the domicile condition and
     * what remains of the household's cap on the decision date, under the household's lock, so that two decisions for
     * one household can never exceed the cap together; the payment is ordered.
     */
    @Transactional
    public Application decide(UUID id, Commands.Decision decision, Agent agent) {
        agent.requireRole(Agent.SECTION_DIRECTOR);
        Commands.check(decision.errors());
        Application application = lockForWrite(id, agent);
        Actor director = agent.actor();
        application.requireDecidableBy(director);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, PARIS);
        if (decision.outcome() == Commands.Outcome.REFUSED) {
            store.insert(application.refuse(decision.reasonCode(), decision.reasonText(), director, now, today), id);
            return save(application);
        }
        BeneficiarySnapshot beneficiary = beneficiaries.get(application.beneficiaryId(), "beneficiaryId");
        store.lockHousehold(CapRule.lockKey(beneficiary));
        Domicile.require(beneficiary, today, parameters.integer(ParameterStore.DOMICILE_MINIMUM_MONTHS, today));
        Application.Grant grant = application.grant(decision.amount(), decision.reasonText(),
                cap(beneficiary, application.capEvent(), today), director, now, today);
        store.insert(grant.decision(), id);
        store.insert(grant.payment());
        events.paymentOrder(application, grant.payment());
        return save(application);
    }

    /** An appeal (recours administratif) against a refusal: the director decides again. */
    @Transactional
    public Application appeal(UUID id, Commands.Appeal appeal, Agent agent) {
        agent.requireRole(COUNTER);
        Commands.check(appeal.errors());
        Application application = lockForWrite(id, agent);
        application.appeal(appeal.reason(), agent.actor(), clock.instant());
        return save(application);
    }

    /** After a failed payment: the corrected payee, proposed; it takes effect once another agent confirms it. */
    @Transactional
    public Application proposePayee(UUID id, Commands.PayeeRequest payee, Agent agent) {
        agent.requireRole(COUNTER);
        List<FieldError> errors = new ArrayList<>();
        payee.check("", errors);
        Commands.check(errors);
        Application application = lockForWrite(id, agent);
        BeneficiarySnapshot beneficiary = beneficiaries.get(application.beneficiaryId(), "beneficiaryId");
        application.proposePayee(payee(payee, beneficiary.situation()), agent.actor(), clock.instant());
        return save(application);
    }

    /** The second agent confirms the proposed payee: it becomes the application's, and the payment is ordered again. */
    @Transactional
    public Application confirmPayee(UUID id, Agent agent) {
        agent.requireRole(COUNTER);
        Application application = lockForWrite(id, agent);
        Payment payment = application.confirmPayee(agent.actor(), clock.instant());
        store.insert(payment);
        events.paymentOrder(application, payment);
        return save(application);
    }

    /** Whether this service made the payment order of that id: the answers to other services' orders are passed by. */
    public boolean ordered(UUID orderId) {
        return store.ordered(orderId);
    }

    /**
     * The treasury's answer to one of this service's payment orders; another issuer's is ignored, and one that does not
     * match its order is parked, never applied.
     */
    @Transactional
    public PartnerAnswer confirmPayment(PaymentConfirmation confirmation) {
        Optional<Payment> found = store.lockPayment(confirmation.orderId());
        if (found.isEmpty()) {
            log.debug("Payment confirmation for order {} ignored: not an order of the aid service", confirmation.orderId());
            return PartnerAnswer.ignored();
        }
        Payment order = found.get();
        if (order.state() != Payment.State.ORDERED) {
            log.warn("Payment order {} already {}: confirmation {} ignored", order.reference(), order.state(), confirmation.status());
            return PartnerAnswer.ignored();
        }
        List<String> mismatches = confirmation.mismatches(order.reference(), order.amount(), order.orderedAt(), clock.instant());
        if (!mismatches.isEmpty()) {
            return PartnerAnswer.parked(order.applicationId(), mismatches);
        }
        Application application = store.lock(order.applicationId()).orElseThrow();
        if (!application.awaitsPayment()) {
            log.warn("Payment order {} settled while its application is {}", order.reference(), application.status());
        }
        store.settle(application.settle(order.id(), confirmation.status() == PaymentConfirmation.Status.PAID,
                confirmation.reason(), confirmation.settledAt()));
        save(application);
        return PartnerAnswer.applied(application.id());
    }

    /** Lapses the pending applications whose file is still incomplete 2 months after reception (RM I/B art. 3). */
    @Transactional
    public int lapseIncomplete() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, PARIS);
        Instant receivedBefore = today.minusMonths(parameters.integer(ParameterStore.LAPSE_MONTHS, today)).atStartOfDay(PARIS).toInstant();
        int lapsed = 0;
        for (UUID id : store.incompleteReceivedBefore(receivedBefore)) {
            Application application = store.lock(id).orElseThrow();
            if (application.lapseIfIncomplete(now)) {
                save(application);
                lapsed++;
            }
        }
        return lapsed;
    }

    @Transactional(readOnly = true)
    public Application get(UUID id, Agent agent) {
        Application application = store.find(id).orElseThrow(() -> notFound(id));
        agent.requireRead(application.section());
        return application;
    }

    /** The section's applications (any section's for a supervisor), newest first. */
    @Transactional(readOnly = true)
    public List<Application> search(String section, Status status, UUID beneficiaryId, Agent agent) {
        String readable = agent.isSupervisor() ? section : agent.section();
        if (section != null && !agent.isSupervisor()) {
            agent.requireRead(section);
        }
        return store.search(readable, status, beneficiaryId, LIST_LIMIT);
    }

    /** What a decision letter says: the application, its latest decision, and to whom it is sent. */
    public record Notification(Application application, Decision decision, BeneficiarySituation person) {
    }

    @Transactional(readOnly = true)
    public Notification notification(UUID id, Agent agent) {
        Application application = get(id, agent);
        Decision decision = application.latestDecision();
        return new Notification(application, decision,
                beneficiaries.get(application.beneficiaryId(), "beneficiaryId").situation());
    }

    /** The household's cap on {@code date} (today when null): the ordinary one, or a disaster's when {@code event} is given. */
    @Transactional(readOnly = true)
    public CapRule.Cap cap(UUID beneficiaryId, LocalDate date, String event, Agent agent) {
        BeneficiarySnapshot beneficiary = beneficiaries.get(beneficiaryId, "id");
        agent.requireRead(beneficiary.situation().section());
        return cap(beneficiary, event == null ? null : Application.normaliseEvent(event),
                date == null ? LocalDate.now(clock.withZone(PARIS)) : date);
    }

    private CapRule.Cap cap(BeneficiarySnapshot beneficiary, String disasterEvent, LocalDate date) {
        return CapRule.of(beneficiary, disasterEvent, date, parameters.capFigures(date),
                store.decisionsFor(CapRule.household(beneficiary)));
    }

    /** Stores what the step changed and publishes its steps; answers the application as stored. */
    private Application save(Application application) {
        store.save(application);
        publish(application);
        return reload(application.id());
    }

    private Application reload(UUID id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    private void publish(Application application) {
        int seq = application.history().size() - application.steps().size();
        for (Step step : application.steps()) {
            events.step(application, step, seq++);
            if (step.statusChanged() || step.transition() == Transition.DOCUMENTS_UPDATED) {
                receipts.publish(new Receipts.Filed(application.receiptNumber(), application.id(), application.number(),
                                application.section(), application.receivedAt(), application.beneficiaryId()), step.status().name(),
                        step.reasonCode() == null ? null : List.of(step.reasonCode()), step.at(), details(application));
            }
        }
    }

    /** What the person reads on "Suivre ma demande": the amount granted by the latest decision, the documents still missing. */
    private static ReceiptState.Details details(Application application) {
        List<Decision> decisions = application.decisions();
        Decision latest = decisions.isEmpty() ? null : decisions.get(decisions.size() - 1);
        return ReceiptState.Details.of(latest != null && latest.outcome() == Decision.Outcome.GRANTED ? latest.amount() : null,
                false, null, null, application.missingDocuments());
    }

    private Application lockForWrite(UUID id, Agent agent) {
        Application application = store.lock(id).orElseThrow(() -> notFound(id));
        agent.requireWrite(application.section());
        return application;
    }

    private static Payee payee(Commands.PayeeRequest payee, BeneficiarySituation beneficiary) {
        return Payee.of(payee.kind(), payee.accountHolder(), payee.iban(),
                beneficiary.identity().firstNames() + " " + beneficiary.identity().lastName());
    }

    static Refusal notFound(UUID id) {
        return Refusal.notFound("No application " + id + ".");
    }
}
