package fr.paris.casvp.guichet.aid.application;

import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.aid.AidApplicationEvent.Transition;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.contracts.payment.Iban;
import fr.paris.casvp.guichet.contracts.payment.PaymentConfirmation;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptNumber;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptState;
import fr.paris.casvp.guichet.messaging.consumer.PartnerAnswer;
import fr.paris.casvp.guichet.messaging.receipt.Receipts;
import fr.paris.casvp.guichet.web.Agent;
import fr.paris.casvp.guichet.web.FieldError;
import fr.paris.casvp.guichet.web.ProblemException;
import fr.paris.casvp.guichet.web.ReceptionTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of an application for exceptional aid (RM V.2.1): filed → examined → granted or refused by the section
 * director → payment ordered → paid or failed (ordered again after correction); a refusal may be appealed and decided
 * again; an incomplete file lapses after 2 months (RM I/B art. 3). Each step is checked against the agent's role and
 * section, recorded with who did it, and published on {@code aid.events.v1} in its transaction.
 */
@Service
public class Applications {

    static final ZoneId PARIS = ParisTime.ZONE;
    /** Who files applications and completes files. */
    static final String[] COUNTER = {Agent.AGENT, Agent.SOCIAL_WORKER, Agent.SECTION_DIRECTOR};
    /** Who records an examination. */
    static final String[] EXAMINERS = {Agent.SOCIAL_WORKER, Agent.SECTION_DIRECTOR};
    /** A reception time may be given up to this much ahead of the server's clock (counters' clocks drift). */

    private static final Logger log = LoggerFactory.getLogger(Applications.class);

    private final ApplicationStore store;
    private final Beneficiaries beneficiaries;
    private final AidParameters parameters;
    private final AidEvents events;
    private final Receipts receipts;
    private final JdbcClient jdbc;
    private final Clock clock;

    Applications(ApplicationStore store, Beneficiaries beneficiaries, AidParameters parameters, AidEvents events,
                 Receipts receipts, JdbcClient jdbc, Clock clock) {
        this.receipts = receipts;
        this.store = store;
        this.beneficiaries = beneficiaries;
        this.parameters = parameters;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public ApplicationView file(Commands.Filing filing, Agent agent) {
        return file(filing, agent, null, null);
    }

    /**
     * @param receiptNumber the receipt the gateway gave to a command it queued (null: a new one)
     * @param queuedAt      when the gateway received a queued command: its reception time unless the body gives one
     */
    @Transactional
    public ApplicationView file(Commands.Filing filing, Agent agent, String receiptNumber, Instant queuedAt) {
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
                parameters.integer(AidParameters.LAPSE_MONTHS, today), errors);
        Commands.check(errors);
        agent.requireWrite(section);

        UUID id = UUID.randomUUID();
        ApplicationStore.Stored application = new ApplicationStore.Stored(id,
                store.nextNumber(LocalDate.ofInstant(receivedAt, PARIS).getYear()),
                receiptNumber == null ? ReceiptNumber.next() : receiptNumber, beneficiary.id(),
                beneficiary.household() == null ? null : beneficiary.household().id(), section, filing.category(),
                filing.disasterEvent() == null ? null : normaliseEvent(filing.disasterEvent()),
                filing.requestedAmount().setScale(2, RoundingMode.UNNECESSARY), filing.reason().strip(),
                payee(filing.payee(), beneficiary.situation()),
                filing.missingDocuments() == null ? List.of() : filing.missingDocuments().stream().map(String::strip).toList(),
                Status.RECEIVED, receivedAt, agent.username(), now, null, null, null, null, now);
        store.insert(application);
        step(application, Transition.RECEIVED, Status.RECEIVED, application.requestedAmount(), null, now, agent,
                receivedAt.equals(now) ? null : "reçue le " + receivedAt + (queuedAt != null ? " (file d'attente du guichet)" : " (heure d'origine)"));
        return view(id);
    }

    @Transactional
    public ApplicationView documents(UUID id, Commands.Documents documents, Agent agent) {
        agent.requireRole(COUNTER);
        Commands.check(documents.errors());
        ApplicationStore.Stored application = lockForWrite(id, agent);
        requireStatus(application, Status.RECEIVED, Status.UNDER_EXAMINATION, Status.APPEALED);
        Instant now = clock.instant();
        List<String> missing = documents.missingDocuments().stream().map(String::strip).toList();
        store.setMissingDocuments(id, missing, now);
        step(application, Transition.DOCUMENTS_UPDATED, application.status(), null, null, now, agent,
                missing.isEmpty() ? "dossier complet" : "pièces manquantes : " + String.join(", ", missing));
        return view(id);
    }

    @Transactional
    public ApplicationView examine(UUID id, Commands.Examination examination, Agent agent) {
        agent.requireRole(EXAMINERS);
        Commands.check(examination.errors());
        ApplicationStore.Stored application = lockForWrite(id, agent);
        requireStatus(application, Status.RECEIVED, Status.UNDER_EXAMINATION);
        Instant now = clock.instant();
        BigDecimal proposed = examination.proposedAmount() == null ? null : examination.proposedAmount().setScale(2, RoundingMode.UNNECESSARY);
        store.setExamination(id, agent.username(), now, examination.assessment().strip(), proposed);
        step(application, Transition.EXAMINED, Status.UNDER_EXAMINATION, proposed, null, now, agent, null);
        return view(id);
    }

    /**
     * The section director's decision. A grant is checked against the domicile condition and against what remains of
     * the household's cap on the decision date, under a lock on the household: two decisions for one household are
     * taken one after the other and can never exceed the cap together.
     */
    @Transactional
    public ApplicationView decide(UUID id, Commands.Decision decision, Agent agent) {
        agent.requireRole(Agent.SECTION_DIRECTOR);
        Commands.check(decision.errors());
        ApplicationStore.Stored application = lockForWrite(id, agent);
        requireStatus(application, Status.UNDER_EXAMINATION, Status.APPEALED);
        agent.requireFourEyes(application.filedBy(), application.examinedBy());
        if (application.status() == Status.APPEALED && agent.username().equals(appealedBy(id))) {
            throw new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FOUR_EYES, "Four-eyes rule",
                    "You filed the appeal of this application: another director of the section must decide it.");
        }
        if (!application.missingDocuments().isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, AidProblems.INCOMPLETE_FILE, "Incomplete file",
                    "Documents are still missing: " + String.join(", ", application.missingDocuments())
                            + ". Record them when they arrive; the application lapses 2 months after its reception.")
                    .with("missingDocuments", application.missingDocuments());
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, PARIS);
        boolean onAppeal = application.status() == Status.APPEALED;
        if (decision.outcome() == Commands.Outcome.REFUSED) {
            store.insertDecision(id, new ApplicationStore.Decision(UUID.randomUUID(), "REFUSED", null, decision.reasonCode(),
                    decision.reasonText() == null ? null : decision.reasonText().strip(), agent.username(), now, today, onAppeal));
            step(application, Transition.REFUSED, Status.REFUSED, null, decision.reasonCode().name(), now, agent, null);
            return view(id);
        }
        BigDecimal amount = decision.amount().setScale(2, RoundingMode.UNNECESSARY);
        BeneficiarySnapshot beneficiary = beneficiaries.get(application.beneficiaryId(), "beneficiaryId");
        lockHousehold(Beneficiaries.capKey(beneficiary));
        requireDomicile(beneficiary, today);
        CapRule.Cap cap = cap(beneficiary, application.category() == Category.DISASTER ? application.disasterEvent() : null, today);
        if (amount.compareTo(cap.remaining()) > 0) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, AidProblems.CAP_EXCEEDED, "Cap exceeded",
                    "At most " + cap.remaining() + " € may still be granted to this household"
                            + (cap.event() == null ? " over the 12 months from " + cap.windowStart() + " to " + cap.windowEnd()
                            : " for the disaster " + cap.event()) + " (cap " + cap.cap() + " €, already granted " + cap.used() + " €).")
                    .with("remaining", cap.remaining()).with("cap", cap.cap()).with("used", cap.used());
        }
        store.insertDecision(id, new ApplicationStore.Decision(UUID.randomUUID(), "GRANTED", amount, null,
                decision.reasonText() == null ? null : decision.reasonText().strip(), agent.username(), now, today, onAppeal));
        step(application, Transition.GRANTED, Status.GRANTED, amount, null, now, agent, null);
        orderPayment(application, application.payee(), amount, now, agent);
        return view(id);
    }

    /** An appeal (recours administratif) against a refusal: the director decides again. */
    @Transactional
    public ApplicationView appeal(UUID id, Commands.Appeal appeal, Agent agent) {
        agent.requireRole(COUNTER);
        Commands.check(appeal.errors());
        ApplicationStore.Stored application = lockForWrite(id, agent);
        requireStatus(application, Status.REFUSED);
        List<ApplicationStore.Decision> decisions = store.decisions(id);
        if (!decisions.isEmpty() && agent.username().equals(decisions.get(decisions.size() - 1).decidedBy())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FOUR_EYES, "Four-eyes rule",
                    "You refused this application: the appeal is filed by another agent of the section.");
        }
        Instant now = clock.instant();
        step(application, Transition.APPEALED, Status.APPEALED, null, null, now, agent, appeal.reason().strip());
        return view(id);
    }

    /**
     * After a failed payment: the corrected payee, proposed. It takes effect only when another agent of the section
     * confirms it ({@link #confirmPayee}): who changes where the money goes is never alone. A new proposal replaces
     * the one waiting.
     */
    @Transactional
    public ApplicationView proposePayee(UUID id, Commands.PayeeRequest payee, Agent agent) {
        agent.requireRole(COUNTER);
        List<FieldError> errors = new ArrayList<>();
        payee.check("", errors);
        Commands.check(errors);
        ApplicationStore.Stored application = lockForWrite(id, agent);
        requireStatus(application, Status.PAYMENT_FAILED);
        BeneficiarySnapshot beneficiary = beneficiaries.get(application.beneficiaryId(), "beneficiaryId");
        store.proposePayee(id, payee(payee, beneficiary.situation()), agent.username(), clock.instant());
        return view(id);
    }

    /** The second agent confirms the proposed payee: it becomes the application's, and the payment is ordered again. */
    @Transactional
    public ApplicationView confirmPayee(UUID id, Agent agent) {
        agent.requireRole(COUNTER);
        ApplicationStore.Stored application = lockForWrite(id, agent);
        requireStatus(application, Status.PAYMENT_FAILED);
        ApplicationStore.PayeeChange change = store.payeeChange(id).orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT,
                AidProblems.INVALID_TRANSITION, "No payee to confirm",
                "No corrected payee waits for the application " + application.number() + ": propose one first."));
        if (change.proposedBy().equals(agent.username())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FOUR_EYES, "Four-eyes rule",
                    "You proposed this payee: another agent of the section confirms it.");
        }
        Instant now = clock.instant();
        store.setPayee(id, change.payee(), now);
        store.deletePayeeChange(id);
        BigDecimal granted = store.decisions(id).stream().filter(d -> d.outcome().equals("GRANTED")).reduce((a, b) -> b)
                .orElseThrow().amount();
        orderPayment(application, change.payee(), granted, now, agent);
        return view(id);
    }

    /**
     * The treasury's answer to one of this service's payment orders; another issuer's is ignored.
     *
     * @return applied (to the application), parked (it does not match its order: nothing changed) or ignored
     */
    @Transactional
    public PartnerAnswer confirmPayment(PaymentConfirmation confirmation) {
        var found = store.lockPaymentOrder(confirmation.orderId());
        if (found.isEmpty()) {
            log.debug("Payment confirmation for order {} ignored: not an order of the aid service", confirmation.orderId());
            return PartnerAnswer.ignored();
        }
        ApplicationStore.PaymentOrderRow order = found.get();
        if (!order.status().equals("ORDERED")) {
            log.warn("Payment order {} already {}: confirmation {} ignored", order.reference(), order.status(), confirmation.status());
            return PartnerAnswer.ignored();
        }
        List<String> mismatches = confirmation.mismatches(order.reference(), order.amount(), order.orderedAt(), clock.instant());
        if (!mismatches.isEmpty()) {
            return PartnerAnswer.parked(order.applicationId(), mismatches);
        }
        ApplicationStore.Stored application = store.lock(order.applicationId()).orElseThrow();
        Instant at = confirmation.settledAt();
        boolean paid = confirmation.status() == PaymentConfirmation.Status.PAID;
        store.settlePaymentOrder(order.id(), confirmation.status().name(), paid ? null : confirmation.reason(), at);
        if (application.status() != Status.PAYMENT_ORDERED) {
            log.warn("Payment order {} settled while its application is {}", order.reference(), application.status());
            return PartnerAnswer.applied(application.id());
        }
        if (paid) {
            step(application, Transition.PAID, Status.PAID, order.amount(), null, at, null, order.reference());
        } else {
            String reason = confirmation.reason() == null ? "UNKNOWN" : confirmation.reason();
            step(application, Transition.PAYMENT_FAILED, Status.PAYMENT_FAILED, order.amount(),
                    reason.length() > 60 ? reason.substring(0, 60) : reason, at, null, order.reference() + " : " + reason);
        }
        return PartnerAnswer.applied(application.id());
    }

    /** Lapses the pending applications whose file is still incomplete 2 months after reception (RM I/B art. 3). */
    @Transactional
    public int lapseIncomplete() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, PARIS);
        Instant receivedBefore = today.minusMonths(parameters.integer(AidParameters.LAPSE_MONTHS, today))
                .atStartOfDay(PARIS).toInstant();
        int lapsed = 0;
        for (UUID id : store.incompleteReceivedBefore(receivedBefore)) {
            ApplicationStore.Stored application = store.lock(id).orElseThrow();
            if (Status.PENDING.contains(application.status()) && !application.missingDocuments().isEmpty()) {
                step(application, Transition.LAPSED, Status.LAPSED, null, null, now, null,
                        "pièces manquantes : " + String.join(", ", application.missingDocuments()));
                lapsed++;
            }
        }
        return lapsed;
    }

    @Transactional(readOnly = true)
    public ApplicationView get(UUID id, Agent agent) {
        ApplicationStore.Stored application = store.find(id).orElseThrow(() -> notFound(id));
        agent.requireRead(application.section());
        return view(id);
    }

    @Transactional(readOnly = true)
    public List<ApplicationView> search(String section, Status status, UUID beneficiaryId, Agent agent) {
        String readable = agent.isSupervisor() ? section : agent.section();
        if (section != null && !agent.isSupervisor()) {
            agent.requireRead(section);
        }
        return store.search(readable, status, beneficiaryId, 200).stream().map(a -> view(a.id())).toList();
    }

    /** The household's cap on {@code date} (today when null): the ordinary one, or a disaster's when {@code event} is given. */
    @Transactional(readOnly = true)
    public CapRule.Cap cap(UUID beneficiaryId, LocalDate date, String event, Agent agent) {
        BeneficiarySnapshot beneficiary = beneficiaries.get(beneficiaryId, "id");
        agent.requireRead(beneficiary.situation().section());
        return cap(beneficiary, event == null ? null : normaliseEvent(event), date == null ? LocalDate.now(clock.withZone(PARIS)) : date);
    }

    private CapRule.Cap cap(BeneficiarySnapshot beneficiary, String disasterEvent, LocalDate date) {
        List<CapRule.Grant> grants = store.grantsTo(Beneficiaries.household(beneficiary));
        if (disasterEvent != null) {
            return CapRule.disaster(parameters.value(AidParameters.CAP_DISASTER_PER_EVENT, date), date, disasterEvent, grants);
        }
        BeneficiarySituation situation = beneficiary.situation();
        String capName;
        if (situation.noFixedAddress() != null) {
            capName = AidParameters.CAP_NO_FIXED_ADDRESS;
        } else if (CapRule.residedAtLeast(situation.parisResidence(), date,
                parameters.integer(AidParameters.RESIDENCE_YEARS_FOR_HIGHER_CAP, date))) {
            capName = AidParameters.CAP_RESIDENT_3_YEARS;
        } else {
            capName = AidParameters.CAP_RESIDENT_UNDER_3_YEARS;
        }
        return CapRule.ordinary(parameters.value(capName, date), date, grants);
    }

    private void requireDomicile(BeneficiarySnapshot beneficiary, LocalDate date) {
        if (beneficiary.situation().noFixedAddress() != null) {
            return; // a person with no fixed address is attached to a PSA: no domicile condition (RM V.1.1)
        }
        int months = parameters.integer(AidParameters.DOMICILE_MINIMUM_MONTHS, date);
        if (!CapRule.domiciledFor(beneficiary.livesInParisSince(), date, months)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, AidProblems.DOMICILE_TOO_RECENT, "Domicile too recent",
                    "The beneficiary must have been domiciled in Paris for at least " + months + " month(s) (RM V.2.1 b/1); "
                            + (beneficiary.livesInParisSince() == null ? "the registry records no current residence in Paris."
                            : "the registry records a residence since " + beneficiary.livesInParisSince() + "."));
        }
    }

    private void orderPayment(ApplicationStore.Stored application, ApplicationStore.Payee payee, BigDecimal amount,
                              Instant now, Agent agent) {
        int attempt = store.paymentOrders(application.id()).size() + 1;
        ApplicationStore.PaymentOrderRow order = new ApplicationStore.PaymentOrderRow(UUID.randomUUID(), application.id(),
                attempt, application.number() + "-" + attempt, payee, amount, "ORDERED", null, now, null);
        store.insertPaymentOrder(order);
        events.paymentOrder(application, order);
        step(application, Transition.PAYMENT_ORDERED, Status.PAYMENT_ORDERED, amount, null, now, agent, order.reference());
    }

    /** Who filed the pending appeal: the username of the last APPEALED step (its agent is recorded as "name (roles, section)"). */
    private String appealedBy(UUID id) {
        String agent = null;
        for (ApplicationStore.Step step : store.steps(id)) {
            if (Transition.APPEALED.name().equals(step.transition())) {
                agent = step.agent();
            }
        }
        return agent == null ? null : agent.split(" ", 2)[0];
    }

    private void step(ApplicationStore.Stored application, Transition transition, Status status, BigDecimal amount,
                      String reasonCode, Instant at, Agent agent, String detail) {
        if (status != application.status()) {
            store.setStatus(application.id(), status, at);
        }
        store.addStep(application.id(), transition.name(), status, at, agent == null ? null : agent.toString(), detail);
        events.step(application, transition, status, amount, reasonCode, at);
        if (status != application.status() || transition == Transition.RECEIVED) {
            receipts.publish(new ReceiptState(application.receiptNumber(), "aid", status.name(), application.receivedAt(),
                    application.id(), application.number(), application.section(),
                    reasonCode == null ? null : List.of(reasonCode),
                    beneficiaries.find(application.beneficiaryId()).map(b -> receipts.birthDateCheck(
                            application.receiptNumber(), b.situation().identity().birthDate())).orElse(null), at));
        }
    }

    private void lockHousehold(UUID key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", "aid-cap:" + key)
                .query(Object.class).single();
    }

    private ApplicationStore.Stored lockForWrite(UUID id, Agent agent) {
        ApplicationStore.Stored application = store.lock(id).orElseThrow(() -> notFound(id));
        agent.requireWrite(application.section());
        return application;
    }

    private static void requireStatus(ApplicationStore.Stored application, Status... allowed) {
        if (!Set.of(allowed).contains(application.status())) {
            throw new ProblemException(HttpStatus.CONFLICT, AidProblems.INVALID_TRANSITION, "Not possible now",
                    "The application " + application.number() + " is " + application.status() + "; this step needs it to be "
                            + String.join(" or ", java.util.Arrays.stream(allowed).map(Status::name).toList()) + ".")
                    .with("status", application.status().name());
        }
    }

    private static ApplicationStore.Payee payee(Commands.PayeeRequest payee, BeneficiarySituation situation) {
        String holder = payee.accountHolder() == null || payee.accountHolder().isBlank()
                ? (situation.identity().firstNames() + " " + situation.identity().lastName()).strip()
                : payee.accountHolder().strip();
        if (holder.length() > 70) {
            holder = holder.substring(0, 70);
        }
        return new ApplicationStore.Payee(payee.kind(), holder, Iban.normalise(payee.iban()));
    }

    private static String normaliseEvent(String event) {
        return event.strip().toUpperCase(Locale.ROOT);
    }

    static ProblemException notFound(UUID id) {
        return new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", "No application " + id + ".");
    }

    ApplicationView view(UUID id) {
        ApplicationStore.Stored a = store.find(id).orElseThrow(() -> notFound(id));
        return new ApplicationView(a.id(), a.number(), new ApplicationView.Receipt(a.receiptNumber(), a.receivedAt(), a.status()),
                a.beneficiaryId(), a.section(), a.category(), a.disasterEvent(), a.requestedAmount(), a.reason(),
                new ApplicationView.PayeeView(a.payee().kind().name(), a.payee().accountHolder(), Iban.masked(a.payee().iban())),
                store.payeeChange(id).map(c -> new ApplicationView.PendingPayeeView(c.payee().kind().name(),
                        c.payee().accountHolder(), Iban.masked(c.payee().iban()), c.proposedBy(), c.proposedAt())).orElse(null),
                a.missingDocuments(), a.status(), a.receivedAt(), a.filedBy(),
                a.examinedBy() == null ? null : new ApplicationView.Examination(a.examinedBy(), a.examinedAt(), a.assessment(), a.proposedAmount()),
                store.decisions(id).stream().map(d -> new ApplicationView.DecisionView(d.outcome(), d.amount(), d.reasonCode(),
                        d.reasonText(), d.decidedBy(), d.decidedAt(), d.decisionDate(), d.onAppeal())).toList(),
                store.paymentOrders(id).stream().map(p -> new ApplicationView.PaymentView(p.reference(), p.attempt(), p.amount(),
                        Iban.masked(p.payee().iban()), p.status(), p.failureReason(), p.orderedAt(), p.settledAt())).toList(),
                store.steps(id).stream().map(s -> new ApplicationView.StepView(s.transition(), s.status(), s.at(), s.agent(), s.detail())).toList(),
                a.updatedAt());
    }
}
