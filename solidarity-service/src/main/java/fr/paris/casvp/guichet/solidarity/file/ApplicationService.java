package fr.paris.casvp.guichet.solidarity.file;

import fr.paris.casvp.guichet.contracts.Actor;
import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptNumber;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptState;
import fr.paris.casvp.guichet.messaging.receipt.Receipts;
import fr.paris.casvp.guichet.messaging.replica.BeneficiaryReplica;
import fr.paris.casvp.guichet.solidarity.allowance.ParameterStore;
import fr.paris.casvp.guichet.solidarity.domain.Allowance;
import fr.paris.casvp.guichet.solidarity.domain.Application;
import fr.paris.casvp.guichet.solidarity.domain.Grant;
import fr.paris.casvp.guichet.solidarity.domain.HouseholdFacts;
import fr.paris.casvp.guichet.solidarity.domain.ParameterNames;
import fr.paris.casvp.guichet.web.Agent;
import fr.paris.casvp.guichet.web.FieldError;
import fr.paris.casvp.guichet.web.Fields;
import fr.paris.casvp.guichet.web.ReceptionTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paris Solidarité's use cases for an application, each in one transaction: check who acts (role, section), load the
 * application, let it take the step ({@link Application}; the amount: {@link Allowance} on the {@link HouseholdFacts}),
 * store it, and publish its steps on {@code solidarity.events.v1} and the receipt's state, through the outbox. Online
 * and queued commands come here alike.
 */
@Service
public class ApplicationService {

    static final ZoneId PARIS = ParisTime.ZONE;
    static final String[] COUNTER = {Agent.AGENT, Agent.SOCIAL_WORKER, Agent.SECTION_DIRECTOR};
    static final String[] EXAMINERS = {Agent.SOCIAL_WORKER, Agent.SECTION_DIRECTOR};

    private final FileStore store;
    private final ParameterStore parameters;
    private final BeneficiaryReplica beneficiaries;
    private final SolidarityEvents events;
    private final Receipts receipts;
    private final Clock clock;

    ApplicationService(FileStore store, ParameterStore parameters, BeneficiaryReplica beneficiaries, SolidarityEvents events,
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
        List<FieldError> errors = filing.errors();
        Instant now = clock.instant();
        int receptionMonths = parameters.on(LocalDate.ofInstant(now, PARIS)).value(ParameterNames.RECEPTION_MONTHS).intValue();
        Instant receivedAt = ReceptionTime.of(filing.receivedAt(), queuedAt, now, receptionMonths, errors);
        Fields.check(errors);
        BeneficiarySnapshot beneficiary = beneficiaries.get(filing.beneficiaryId(), "beneficiaryId");
        String section = beneficiary.situation().section();
        if (filing.section() != null && !filing.section().equals(section)) {
            Fields.check(List.of(FieldError.of("section", "the beneficiary's file is followed by section " + section)));
        }
        agent.requireWrite(section);
        refuseRepeat(beneficiary.id(), filing.renewal(), LocalDate.ofInstant(receivedAt, PARIS).withDayOfMonth(1));
        Application application = Application.file(UUID.randomUUID(),
                store.nextNumber("PS", LocalDate.ofInstant(receivedAt, PARIS).getYear()),
                receiptNumber == null ? ReceiptNumber.next() : receiptNumber, beneficiary.id(), section, filing.renewal(),
                filing.payee().accountHolder(), beneficiary.situation().identity().firstNames() + " "
                        + beneficiary.situation().identity().lastName(), filing.payee().iban(), receivedAt, agent.actor(), now);
        store.insert(application);
        published(application);
        return reload(application.id());
    }

    /**
     * One Paris Solidarité at a time (issue #36: a second first application was accepted while one was granted): an
     * application still examined refuses another; a grant that still runs refuses a first application (its renewal is
     * filed instead). Refused as 409 {@code repeat-filing}, naming what is there already.
     */
    private void refuseRepeat(UUID beneficiaryId, boolean renewal, LocalDate month) {
        for (Application pending : store.search(null, beneficiaryId, null)) {
            if (pending.status() == Application.Status.RECEIVED || pending.status() == Application.Status.UNDER_EXAMINATION) {
                throw new Refusal(Refusal.Kind.CONFLICT, ProblemTypes.REPEAT_FILING, "Already filed", "Application "
                        + pending.number() + ", received on " + LocalDate.ofInstant(pending.receivedAt(), PARIS)
                        + ", is still being examined: this one would be a second.").with("existing", pending.number());
            }
        }
        if (!renewal) {
            Optional<LocalDate> running = store.runningGrantUntil(beneficiaryId, month);
            if (running.isPresent()) {
                throw new Refusal(Refusal.Kind.CONFLICT, ProblemTypes.REPEAT_FILING, "Already granted", "A grant runs until "
                        + YearMonth.from(running.get()) + ": file its renewal, not a first application.")
                        .with("grantedUntil", YearMonth.from(running.get()).toString());
            }
        }
    }

    @Transactional
    public Application examine(UUID id, Commands.Examination examination, Agent agent) {
        agent.requireRole(EXAMINERS);
        Fields.check(examination.errors());
        Application application = lockForWrite(id, agent);
        application.examine(examination.assessment(), agent.actor(), clock.instant());
        return save(application);
    }

    /**
     * The section director's decision: a refusal with its reasons; a grant from the month of reception, with the amount
     * computed on the registry's data and that month's parameters, for 12 months (first grant and first renewal), then
     * up to 24 (RM II.1.1 d/1).
     */
    @Transactional
    public Application decide(UUID id, Commands.Decision decision, Agent agent) {
        agent.requireRole(Agent.SECTION_DIRECTOR);
        Fields.check(decision.errors());
        Application application = lockForWrite(id, agent);
        Actor director = agent.actor();
        application.requireDecidableBy(director);
        Instant now = clock.instant();
        if (decision.outcome() == Commands.Outcome.REFUSED) {
            application.refuse(decision.reasonCodes(), decision.reasonText(), director, now);
            return save(application);
        }
        YearMonth first = application.firstMonth();
        BeneficiarySnapshot beneficiary = beneficiaries.get(application.beneficiaryId(), "beneficiaryId");
        HouseholdFacts facts = HouseholdFacts.of(beneficiary, beneficiaries::find, first);
        Allowance.Result result = Allowance.compute(facts.household(), parameters.on(first.atDay(1)));
        application.requireEligible(facts, result);
        OptionalInt months = Grant.length(store.grantsOf(application.beneficiaryId()), decision.months());
        if (months.isEmpty()) {
            Fields.check(List.of(FieldError.of("months", "a first grant and its first renewal last 12 months (RM II.1.1 d/1)")));
        }
        Grant grant = application.grant(result, months.getAsInt(), UUID.randomUUID(), store.nextNumber("PSG", first.getYear()),
                beneficiary.version(), director, now);
        store.insert(grant);
        store.recordFigures(grant.id(), new FileStore.DecisionFigures(result.category() == null ? null : result.category().name(),
                result.ceiling(), facts.household().monthlyResources(), result.countedResources(), result.resourceFloor(),
                result.monthlyAmount()));
        return save(application);
    }

    /** What a decision letter says: the application, its grant and what the decision computed, and the person. */
    public record Notification(Application application, Optional<Grant> grant, Optional<FileStore.DecisionFigures> figures,
                               BeneficiarySnapshot person) {
    }

    /** The latest decision of an application, to notify; 409 while it is not decided. */
    @Transactional(readOnly = true)
    public Notification notification(UUID id, Agent agent) {
        Application application = get(id, agent);
        if (application.status() != Application.Status.GRANTED && application.status() != Application.Status.REFUSED) {
            throw new Refusal(Refusal.Kind.CONFLICT, ProblemTypes.INVALID_TRANSITION, "No decision yet",
                    "The application " + application.number() + " is " + application.status() + ": there is no decision to notify.")
                    .with("status", application.status().name());
        }
        Optional<Grant> grant = store.grantOf(id);
        return new Notification(application, grant, grant.flatMap(g -> store.figuresOf(g.id())),
                beneficiaries.get(application.beneficiaryId(), "beneficiaryId"));
    }

    @Transactional(readOnly = true)
    public Application get(UUID id, Agent agent) {
        Application application = reload(id);
        agent.requireRead(application.section());
        return application;
    }

    /** The agent's section's applications (every section's for a supervisor), newest first. */
    @Transactional(readOnly = true)
    public List<Application> search(UUID beneficiaryId, String status, Agent agent) {
        return store.search(agent.isSupervisor() ? null : agent.section(), beneficiaryId, status);
    }

    /** The grant an application gave, if any. */
    @Transactional(readOnly = true)
    public Optional<Grant> grantOf(UUID applicationId) {
        return store.grantOf(applicationId);
    }

    /** Stores what the step changed and publishes it; answers the application as stored. */
    private Application save(Application application) {
        store.save(application);
        published(application);
        return reload(application.id());
    }

    /** The application's steps on {@code solidarity.events.v1}, and its receipt: the gateway answers it also while this service is down. */
    private void published(Application application) {
        events.publish(application.changes(), store::lastStep);
        receipts.publish(new Receipts.Filed(application.receiptNumber(), application.id(), application.number(),
                        application.section(), application.receivedAt(), application.beneficiaryId()),
                application.status().name(), application.refusalReasons(), application.updatedAt(), store.grantOf(application.id())
                        .map(g -> ReceiptState.Details.of(g.monthlyAmount(), true, g.firstMonth(), g.lastMonth(), List.of()))
                        .orElse(null));
    }

    private Application lockForWrite(UUID id, Agent agent) {
        Application application = store.find(id, true).orElseThrow(() -> notFound(id));
        agent.requireWrite(application.section());
        return application;
    }

    private Application reload(UUID id) {
        return store.find(id, false).orElseThrow(() -> notFound(id));
    }

    static Refusal notFound(UUID id) {
        return Refusal.notFound("No Paris Solidarité application " + id + ".");
    }
}
