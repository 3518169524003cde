package fr.paris.casvp.guichet.housing.file;

import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.contracts.benefit.Benefit;
import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import fr.paris.casvp.guichet.contracts.payment.Iban;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptNumber;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptState;
import fr.paris.casvp.guichet.housing.domain.HousingFile;
import fr.paris.casvp.guichet.housing.payment.PaymentStore;
import fr.paris.casvp.guichet.housing.simulation.HousingRules;
import fr.paris.casvp.guichet.messaging.receipt.Receipts;
import fr.paris.casvp.guichet.messaging.replica.BeneficiaryReplica;
import fr.paris.casvp.guichet.web.Agent;
import fr.paris.casvp.guichet.web.FieldError;
import fr.paris.casvp.guichet.web.Fields;
import fr.paris.casvp.guichet.web.ReceptionTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paris Logement's use cases, each in one transaction: check who acts (the roles its declaration names, the section),
 * load the file, let it take the step ({@link HousingFile}; the rules: {@code ParisLogement}), store it, and publish its
 * steps on {@code housing.events.v1} and the receipt's state, through the outbox. Online and queued filings come here
 * alike.
 */
@Service
public class FileService {

    /** A first grant and its first renewal cover 12 months, the next ones 24 (RM II 2.1 c/2, III 2.1, IV 2.1 to 2.3). */
    static final int FIRST_MONTHS = 12;
    static final int LATER_MONTHS = 24;

    private static final Benefit BENEFIT = Benefits.of("housing");

    private final FileStore store;
    private final HousingRules rules;
    private final HousingEvents events;
    private final Receipts receipts;
    private final BeneficiaryReplica beneficiaries;
    private final PaymentStore payments;
    private final Clock clock;

    FileService(FileStore store, HousingRules rules, HousingEvents events, Receipts receipts, BeneficiaryReplica beneficiaries,
                PaymentStore payments, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.events = events;
        this.receipts = receipts;
        this.beneficiaries = beneficiaries;
        this.payments = payments;
        this.clock = clock;
    }

    /**
     * A filing, in the beneficiary's section.
     *
     * @param receiptNumber the receipt the gateway gave to a filing it queued (null: a new one)
     * @param queuedAt      when the gateway received a queued filing: its reception time unless the body gives one
     */
    @Transactional
    public FileView file(Commands.Filing filing, Agent agent, String receiptNumber, Instant queuedAt) {
        agent.requireRole(BENEFIT.roles().file().toArray(String[]::new));
        List<FieldError> errors = filing.errors();
        Instant now = clock.instant();
        Instant receivedAt = ReceptionTime.of(filing.receivedAt(), queuedAt, now, rules.receptionMonths(ParisTime.dateOf(now)), errors);
        Fields.check(errors);
        BeneficiarySnapshot beneficiary = beneficiaries.get(filing.beneficiaryId(), "beneficiaryId");
        String section = beneficiary.situation().section();
        agent.requireWrite(section);
        refuseRepeat(beneficiary.id(), filing.renewal(), ParisTime.dateOf(now));
        LocalDate received = ParisTime.dateOf(receivedAt);
        HousingFile file = HousingFile.file(UUID.randomUUID(), store.nextNumber(received.getYear()),
                receiptNumber == null ? ReceiptNumber.next() : receiptNumber, beneficiary.id(), section,
                filing.household().toHousehold(), new HousingFile.Payee(Fields.blank(filing.payee().accountHolder())
                        ? beneficiary.situation().identity().firstNames() + " " + beneficiary.situation().identity().lastName()
                        : filing.payee().accountHolder().strip(),
                        Iban.normalise(filing.payee().iban())),
                filing.renewal(), receivedAt, agent.actor(), now);
        store.insert(file);
        publish(file);
        return view(file.id());
    }

    /** The social worker's examination: the household checked, and what the rules give it today. */
    @Transactional
    public FileView examine(UUID id, Commands.Examination examination, Agent agent) {
        agent.requireRole(BENEFIT.roles().examine().toArray(String[]::new));
        Fields.check(examination.errors());
        HousingFile file = lockForWrite(id, agent);
        Instant now = clock.instant();
        var checked = examination.household() == null ? file.declared() : examination.household().toHousehold();
        HousingRules.Result result = rules.assess(checked, ParisTime.dateOf(now));
        file.examine(checked, result.assessment(), examination.notes(), agent.actor(), now);
        return save(file);
    }

    /**
     * The director's decision (never who filed or examined the file): a grant with the rules and figures of the day, on
     * the examined household; a refusal with its reasons.
     */
    @Transactional
    public FileView decide(UUID id, Commands.Decision decision, Agent agent) {
        agent.requireRole(BENEFIT.roles().decide().toArray(String[]::new));
        Fields.check(decision.errors());
        HousingFile file = lockForWrite(id, agent);
        Instant now = clock.instant();
        if (decision.outcome() == Commands.Outcome.REFUSED) {
            file.refuse(decision.reasonCodes(), decision.reasonText(), agent.actor(), now);
            return save(file);
        }
        if (file.examination() == null) {
            throw Refusal.notPossibleNow("The Paris Logement file " + file.number(), file.status(), HousingFile.Status.UNDER_EXAMINATION);
        }
        LocalDate today = ParisTime.dateOf(now);
        int months = store.earlierGrants(file.beneficiaryId()) >= 2 ? LATER_MONTHS : FIRST_MONTHS;
        LocalDate nextMonth = YearMonth.from(today).plusMonths(1).atDay(1);
        LocalDate from = store.grantedUntil(file.beneficiaryId()).map(until -> until.plusDays(1)).filter(nextMonth::isBefore)
                .orElse(nextMonth);
        file.grant(rules.assess(file.examination().household(), today).assessment(), today, from, months, agent.actor(), now);
        return save(file);
    }

    /** A second file while one is being examined, or a first application while a grant runs, is refused. */
    private void refuseRepeat(UUID beneficiaryId, boolean renewal, LocalDate today) {
        for (HousingFile pending : store.search(null, beneficiaryId, null)) {
            if (pending.status() == HousingFile.Status.RECEIVED || pending.status() == HousingFile.Status.UNDER_EXAMINATION) {
                throw new Refusal(Refusal.Kind.CONFLICT, ProblemTypes.REPEAT_FILING, "Already filed", "Paris Logement file "
                        + pending.number() + ", received on " + ParisTime.dateOf(pending.receivedAt())
                        + ", is still being examined: this one would be a second.").with("existing", pending.number());
            }
        }
        Optional<LocalDate> running = store.grantedUntil(beneficiaryId).filter(until -> !until.isBefore(today));
        if (!renewal && running.isPresent()) {
            throw new Refusal(Refusal.Kind.CONFLICT, ProblemTypes.REPEAT_FILING, "Already granted", "A grant runs until "
                    + running.get() + ": file its renewal, not a first application.").with("grantedUntil", running.get().toString());
        }
    }

    @Transactional(readOnly = true)
    public FileView get(UUID id, Agent agent) {
        HousingFile file = store.find(id, false).orElseThrow(() -> notFound(id));
        agent.requireRead(file.section());
        return view(file);
    }

    /** The section's files (any section's for a supervisor), newest first. */
    @Transactional(readOnly = true)
    public List<FileView> search(UUID beneficiaryId, String status, Agent agent) {
        return store.search(agent.isSupervisor() ? null : agent.section(), beneficiaryId, status).stream().map(this::view).toList();
    }

    /** The person a file is for, as the registry's replica has them (for a letter). */
    @Transactional(readOnly = true)
    public BeneficiarySituation person(UUID beneficiaryId) {
        return beneficiaries.get(beneficiaryId, "beneficiaryId").situation();
    }

    private FileView save(HousingFile file) {
        store.save(file);
        publish(file);
        return view(file.id());
    }

    private void publish(HousingFile file) {
        int seq = store.lastStepSeq(file.id()) - file.steps().size();
        for (HousingFile.Step step : file.steps()) {
            events.step(file, step, ++seq);
            HousingFile.Decision d = file.decision();
            receipts.publish(new Receipts.Filed(file.receiptNumber(), file.id(), file.number(), file.section(), file.receivedAt(),
                    file.beneficiaryId()), step.status().name(), step.reasons(), step.at(),
                    d == null || d.variant() == null ? null
                            : ReceiptState.Details.of(d.monthlyAmount(), true, d.validFrom(), d.validUntil(), List.of()));
        }
    }

    private HousingFile lockForWrite(UUID id, Agent agent) {
        HousingFile file = store.find(id, true).orElseThrow(() -> notFound(id));
        agent.requireWrite(file.section());
        return file;
    }

    private FileView view(UUID id) {
        return view(store.find(id, false).orElseThrow(() -> notFound(id)));
    }

    private FileView view(HousingFile file) {
        return FileView.of(file, payments.ofFile(file.id()), store.history(file.id()));
    }

    static Refusal notFound(UUID id) {
        return Refusal.notFound("No Paris Logement file " + id + ".");
    }
}
