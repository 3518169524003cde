package fr.paris.casvp.guichet.aid.domain;

import fr.paris.casvp.guichet.contracts.Actor;
import fr.paris.casvp.guichet.contracts.FourEyes;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.contracts.aid.AidApplicationEvent.Transition;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An application for exceptional aid (RM V.2.1) and the rules of its life: filed → examined → granted or refused by the
 * section director → payment ordered → paid or failed (ordered again once another agent confirms a corrected payee); a
 * refusal may be appealed and decided again; an incomplete file lapses 2 months after its reception (RM I/B art. 3).
 *
 * <p>Each method checks that its step is possible now and by whom (four-eyes), changes the application and adds the
 * step to its {@link #history()}; a refused step throws a {@link Refusal} and changes nothing. Who may act at all (roles,
 * section) is the application service's; the household cap is {@link CapRule}'s. No database here: the store loads and
 * saves the application, the application service publishes its new {@link #steps()}.
 */
public final class Application {

    private final UUID id;
    private final String number;
    private final String receiptNumber;
    private final UUID beneficiaryId;
    private final UUID householdId;
    private final String section;
    private final Category category;
    private final String disasterEvent;
    private final BigDecimal requestedAmount;
    private final String reason;
    private final Instant receivedAt;
    private final String filedBy;
    private final Instant filedAt;
    private Payee payee;
    private List<String> missingDocuments;
    private Status status;
    private Examination examination;
    private Instant updatedAt;
    private PayeeChange payeeChange;
    private boolean payeeChangeChanged;
    private final List<Decision> decisions;
    private final List<Payment> payments;
    private final List<Step> history;
    private final List<Step> steps = new ArrayList<>();

    /** The social worker's examination: their assessment and the amount they propose (null: none). */
    public record Examination(String examinedBy, Instant examinedAt, String assessment, BigDecimal proposedAmount) {
    }

    /** A grant and the payment it orders. */
    public record Grant(Decision decision, Payment payment) {
    }

    /** An application as stored, with its decisions, payments, pending payee and history. */
    public Application(UUID id, String number, String receiptNumber, UUID beneficiaryId, UUID householdId, String section,
                       Category category, String disasterEvent, BigDecimal requestedAmount, String reason, Payee payee,
                       List<String> missingDocuments, Status status, Instant receivedAt, String filedBy, Instant filedAt,
                       Examination examination, Instant updatedAt, PayeeChange payeeChange, List<Decision> decisions,
                       List<Payment> payments, List<Step> history) {
        this.id = id;
        this.number = number;
        this.receiptNumber = receiptNumber;
        this.beneficiaryId = beneficiaryId;
        this.householdId = householdId;
        this.section = section;
        this.category = category;
        this.disasterEvent = disasterEvent;
        this.requestedAmount = requestedAmount;
        this.reason = reason;
        this.payee = payee;
        this.missingDocuments = List.copyOf(missingDocuments);
        this.status = status;
        this.receivedAt = receivedAt;
        this.filedBy = filedBy;
        this.filedAt = filedAt;
        this.examination = examination;
        this.updatedAt = updatedAt;
        this.payeeChange = payeeChange;
        this.decisions = new ArrayList<>(decisions);
        this.payments = new ArrayList<>(payments);
        this.history = new ArrayList<>(history);
    }

    /**
     * A new application, RECEIVED, in the section that follows the beneficiary's file.
     *
     * @param receivedAt when the section received the request: it opens the rights (RM I/B art. 3)
     * @param fromQueue  whether the gateway queued it while the service was down (said in the history)
     */
    public static Application file(UUID id, String number, String receiptNumber, BeneficiarySnapshot beneficiary,
                                   Category category, String disasterEvent, BigDecimal requestedAmount, String reason,
                                   Payee payee, List<String> missingDocuments, Instant receivedAt, boolean fromQueue,
                                   Actor by, Instant now) {
        Application application = new Application(id, number, receiptNumber, beneficiary.id(),
                beneficiary.household() == null ? null : beneficiary.household().id(), beneficiary.situation().section(),
                category, disasterEvent == null ? null : normaliseEvent(disasterEvent),
                requestedAmount.setScale(2, RoundingMode.UNNECESSARY), reason.strip(), payee,
                missingDocuments == null ? List.of() : missingDocuments.stream().map(String::strip).toList(),
                Status.RECEIVED, receivedAt, by.username(), now, null, now, null, List.of(), List.of(), List.of());
        application.step(Transition.RECEIVED, Status.RECEIVED, application.requestedAmount, null, now, by,
                receivedAt.equals(now) ? null
                        : "reçue le " + receivedAt + (fromQueue ? " (file d'attente du guichet)" : " (heure d'origine)"));
        return application;
    }

    /** A disaster's reference as recorded and compared: without spaces around, in capitals. */
    public static String normaliseEvent(String event) {
        return event.strip().toUpperCase(Locale.ROOT);
    }

    /** The documents still missing; none: the file is complete. */
    public void recordMissingDocuments(List<String> documents, Actor by, Instant now) {
        requireStatus(Status.RECEIVED, Status.UNDER_EXAMINATION, Status.APPEALED);
        missingDocuments = documents.stream().map(String::strip).toList();
        updatedAt = now;
        step(Transition.DOCUMENTS_UPDATED, status, null, null, now, by,
                missingDocuments.isEmpty() ? "dossier complet" : "pièces manquantes : " + String.join(", ", missingDocuments));
    }

    /** The social worker's assessment, and the amount they propose (null: none). */
    public void examine(String assessment, BigDecimal proposedAmount, Actor by, Instant now) {
        requireStatus(Status.RECEIVED, Status.UNDER_EXAMINATION);
        BigDecimal proposed = proposedAmount == null ? null : proposedAmount.setScale(2, RoundingMode.UNNECESSARY);
        examination = new Examination(by.username(), now, assessment.strip(), proposed);
        updatedAt = now;
        step(Transition.EXAMINED, Status.UNDER_EXAMINATION, proposed, null, now, by, null);
    }

    /**
     * Whether {@code by} may decide now: the application is examined (or appealed); they neither filed nor examined it
     * (RM I/B art. 5), nor filed its appeal; no document is missing. Refused otherwise.
     */
    public void requireDecidableBy(Actor by) {
        requireStatus(Status.UNDER_EXAMINATION, Status.APPEALED);
        String examinedBy = examination == null ? null : examination.examinedBy();
        FourEyes.requireDecider(by, filedBy, examinedBy);
        if (status == Status.APPEALED && by.username().equals(appealedBy())) {
            throw Refusal.fourEyes("You filed the appeal of this application: another director of the section must decide it.");
        }
        if (!missingDocuments.isEmpty()) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, AidProblems.INCOMPLETE_FILE, "Incomplete file",
                    "Documents are still missing: " + String.join(", ", missingDocuments)
                            + ". Record them when they arrive; the application lapses 2 months after its reception.")
                    .with("missingDocuments", missingDocuments);
        }
    }

    /** The section director refuses, with a reason the letter gives (RM I/B art. 6). */
    public Decision refuse(RefusalReason reasonCode, String reasonText, Actor by, Instant now, LocalDate today) {
        requireDecidableBy(by);
        Decision decision = new Decision(UUID.randomUUID(), Decision.Outcome.REFUSED, null, reasonCode, strip(reasonText),
                by.username(), now, today, status == Status.APPEALED);
        decisions.add(decision);
        step(Transition.REFUSED, Status.REFUSED, null, reasonCode.name(), now, by, null);
        return decision;
    }

    /**
     * The section director grants {@code amount}, within what remains of the household's cap on the decision date, and
     * the payment is ordered to the payee. The domicile condition is checked before ({@link Domicile}).
     */
    public Grant grant(BigDecimal amount, String reasonText, CapRule.Cap cap, Actor by, Instant now, LocalDate today) {
        requireDecidableBy(by);
        BigDecimal granted = amount.setScale(2, RoundingMode.UNNECESSARY);
        if (!cap.allows(granted)) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, AidProblems.CAP_EXCEEDED, "Cap exceeded",
                    "At most " + cap.remaining() + " € may still be granted to this household"
                            + (cap.event() == null ? " over the 12 months from " + cap.windowStart() + " to " + cap.windowEnd()
                            : " for the disaster " + cap.event()) + " (cap " + cap.cap() + " €, already granted " + cap.used() + " €).")
                    .with("remaining", cap.remaining()).with("cap", cap.cap()).with("used", cap.used());
        }
        Decision decision = new Decision(UUID.randomUUID(), Decision.Outcome.GRANTED, granted, null, strip(reasonText),
                by.username(), now, today, status == Status.APPEALED);
        decisions.add(decision);
        step(Transition.GRANTED, Status.GRANTED, granted, null, now, by, null);
        return new Grant(decision, orderPayment(payee, granted, now, by));
    }

    /** The disaster whose cap a grant counts against; null for ordinary aid. */
    public String capEvent() {
        return category == Category.DISASTER ? disasterEvent : null;
    }

    /** An appeal (recours administratif) against a refusal, filed by someone other than who refused: decided again. */
    public void appeal(String appealReason, Actor by, Instant now) {
        requireStatus(Status.REFUSED);
        if (!decisions.isEmpty() && by.username().equals(decisions.get(decisions.size() - 1).decidedBy())) {
            throw Refusal.fourEyes("You refused this application: the appeal is filed by another agent of the section.");
        }
        step(Transition.APPEALED, Status.APPEALED, null, null, now, by, appealReason.strip());
    }

    /**
     * After a failed payment: a corrected payee, proposed. It takes effect only when another agent of the section confirms
     * it ({@link #confirmPayee}): who changes where the money goes is never alone. It replaces the one waiting.
     */
    public PayeeChange proposePayee(Payee corrected, Actor by, Instant now) {
        requireStatus(Status.PAYMENT_FAILED);
        payeeChange = new PayeeChange(corrected, by.username(), now);
        payeeChangeChanged = true;
        return payeeChange;
    }

    /** A second agent confirms the proposed payee: it becomes the application's, and the payment is ordered again. */
    public Payment confirmPayee(Actor by, Instant now) {
        requireStatus(Status.PAYMENT_FAILED);
        if (payeeChange == null) {
            throw new Refusal(Refusal.Kind.CONFLICT, ProblemTypes.INVALID_TRANSITION, "No payee to confirm",
                    "No corrected payee waits for the application " + number + ": propose one first.");
        }
        if (payeeChange.proposedBy().equals(by.username())) {
            throw Refusal.fourEyes("You proposed this payee: another agent of the section confirms it.");
        }
        payee = payeeChange.payee();
        payeeChange = null;
        payeeChangeChanged = true;
        updatedAt = now;
        BigDecimal granted = decisions.stream().filter(d -> d.outcome() == Decision.Outcome.GRANTED)
                .reduce((first, second) -> second).orElseThrow().amount();
        return orderPayment(payee, granted, now, by);
    }

    /** Whether the application waits for the treasury's answer to its payment order. */
    public boolean awaitsPayment() {
        return status == Status.PAYMENT_ORDERED;
    }

    /**
     * The treasury's answer to one of the application's payment orders: the order is settled; the application is paid,
     * or its payment failed (a corrected payee is then proposed), unless it no longer waits for a payment.
     *
     * @return the settled payment
     */
    public Payment settle(UUID paymentId, boolean paid, String failureReason, Instant at) {
        Payment order = payments.stream().filter(p -> p.id().equals(paymentId)).findFirst().orElseThrow();
        Payment settled = new Payment(order.id(), order.applicationId(), order.attempt(), order.reference(), order.payee(),
                order.amount(), paid ? Payment.State.PAID : Payment.State.FAILED, paid ? null : failureReason, order.orderedAt(), at);
        payments.set(payments.indexOf(order), settled);
        if (!awaitsPayment()) {
            return settled;
        }
        if (paid) {
            step(Transition.PAID, Status.PAID, order.amount(), null, at, null, order.reference());
        } else {
            String reasonCode = failureReason == null ? "UNKNOWN" : failureReason;
            step(Transition.PAYMENT_FAILED, Status.PAYMENT_FAILED, order.amount(),
                    reasonCode.length() > 60 ? reasonCode.substring(0, 60) : reasonCode, at, null, order.reference() + " : " + reasonCode);
        }
        return settled;
    }

    /** Lapses the application if it still waits for a decision with documents missing (RM I/B art. 3); whether it did. */
    public boolean lapseIfIncomplete(Instant now) {
        if (!Status.PENDING.contains(status) || missingDocuments.isEmpty()) {
            return false;
        }
        step(Transition.LAPSED, Status.LAPSED, null, null, now, null, "pièces manquantes : " + String.join(", ", missingDocuments));
        return true;
    }

    /** The decision a letter notifies: the latest (after an appeal, the new one). Refused when none was taken. */
    public Decision latestDecision() {
        if (decisions.isEmpty()) {
            throw new Refusal(Refusal.Kind.CONFLICT, ProblemTypes.INVALID_TRANSITION, "No decision yet",
                    "The application " + number + " is " + status + ": there is no decision to notify.")
                    .with("status", status.name());
        }
        return decisions.get(decisions.size() - 1);
    }

    private Payment orderPayment(Payee to, BigDecimal amount, Instant now, Actor by) {
        int attempt = payments.size() + 1;
        Payment payment = new Payment(UUID.randomUUID(), id, attempt, number + "-" + attempt, to, amount,
                Payment.State.ORDERED, null, now, null);
        payments.add(payment);
        step(Transition.PAYMENT_ORDERED, Status.PAYMENT_ORDERED, amount, null, now, by, payment.reference());
        return payment;
    }

    /** Who filed the pending appeal: the username of the last APPEALED step (history names agents "name (roles, section)"). */
    private String appealedBy() {
        String agent = null;
        for (Step step : history) {
            if (step.transition() == Transition.APPEALED) {
                agent = step.agent();
            }
        }
        return agent == null ? null : agent.split(" ", 2)[0];
    }

    private void step(Transition transition, Status next, BigDecimal amount, String reasonCode, Instant at, Actor by,
                      String detail) {
        boolean changed = next != status;
        if (changed) {
            status = next;
            updatedAt = at;
        }
        Step step = new Step(transition, next, at, by == null ? null : by.label(), detail, amount, reasonCode,
                changed || transition == Transition.RECEIVED);
        steps.add(step);
        history.add(step);
    }

    private void requireStatus(Status... allowed) {
        if (!Set.of(allowed).contains(status)) {
            throw Refusal.notPossibleNow("The application " + number, status, allowed);
        }
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }

    public String receiptNumber() {
        return receiptNumber;
    }

    public UUID beneficiaryId() {
        return beneficiaryId;
    }

    public UUID householdId() {
        return householdId;
    }

    public String section() {
        return section;
    }

    public Category category() {
        return category;
    }

    public String disasterEvent() {
        return disasterEvent;
    }

    public BigDecimal requestedAmount() {
        return requestedAmount;
    }

    public String reason() {
        return reason;
    }

    public Payee payee() {
        return payee;
    }

    public List<String> missingDocuments() {
        return missingDocuments;
    }

    public Status status() {
        return status;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String filedBy() {
        return filedBy;
    }

    public Instant filedAt() {
        return filedAt;
    }

    public Optional<Examination> examination() {
        return Optional.ofNullable(examination);
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Optional<PayeeChange> payeeChange() {
        return Optional.ofNullable(payeeChange);
    }

    /** Whether a payee was proposed or confirmed since the application was loaded: the store writes it only then. */
    public boolean payeeChangeChanged() {
        return payeeChangeChanged;
    }

    public List<Decision> decisions() {
        return List.copyOf(decisions);
    }

    public List<Payment> payments() {
        return List.copyOf(payments);
    }

    /** Every step, the new ones included. */
    public List<Step> history() {
        return List.copyOf(history);
    }

    /** The steps taken since the application was loaded or filed: to store and publish. */
    public List<Step> steps() {
        return List.copyOf(steps);
    }
}
