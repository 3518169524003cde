package fr.paris.casvp.guichet.housing.domain;

import fr.paris.casvp.guichet.contracts.Actor;
import fr.paris.casvp.guichet.contracts.FourEyes;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Refusal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A Paris Logement file: filed at the counter with the household as the person declares it, examined by a social worker
 * (the household as the documents show it, and what the rules give it that day), decided by the section's director,
 * who neither filed nor examined it (RM I/B art. 5), then paid every month of its grant (RM II 2.1 c/2).
 *
 * <p>Each step is checked here and recorded in {@link #steps()}, which the store appends to the file's history and the
 * service publishes; a step not allowed in the file's status is refused ({@link Refusal#notPossibleNow}).
 */
public final class HousingFile {

    /** Where a file stands. */
    public enum Status { RECEIVED, UNDER_EXAMINATION, GRANTED, REFUSED }

    /** A step of the file, and the status it led to. */
    public enum Transition { RECEIVED, EXAMINED, GRANTED, REFUSED }

    /** A step taken, not stored yet. */
    public record Step(Transition transition, Status status, Instant at, String agent, String detail, List<String> reasons) {

        public Step {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }
    }

    /** Who is paid, and on which account. */
    public record Payee(String accountHolder, String iban) {

        public Payee {
            Objects.requireNonNull(iban, "iban");
        }
    }

    /**
     * The social worker's examination: the household as checked on the documents, and what the rules gave it that day.
     *
     * @param notes what the social worker saw (free text, for the director)
     */
    public record Examination(String examinedBy, Instant examinedAt, Household household, Assessment assessment, String notes) {
    }

    /**
     * The director's decision. A grant names its allowance, its monthly amount and the months it covers; a refusal its
     * reasons.
     */
    public record Decision(String decidedBy, Instant decidedAt, Variant variant, BigDecimal monthlyAmount, LocalDate validFrom,
                           LocalDate validUntil, List<String> refusalReasons, String refusalText) {

        public Decision {
            refusalReasons = refusalReasons == null ? List.of() : List.copyOf(refusalReasons);
        }

        /** Whether the grant covers a month. */
        public boolean covers(YearMonth month) {
            return validFrom != null && !month.atDay(1).isBefore(validFrom) && !month.atEndOfMonth().isAfter(validUntil);
        }
    }

    private final UUID id;
    private final String number;
    private final String receiptNumber;
    private final UUID beneficiaryId;
    private final String section;
    private final Household declared;
    private final Payee payee;
    private final boolean renewal;
    private final Instant receivedAt;
    private final String filedBy;
    private Status status;
    private Examination examination;
    private Decision decision;
    private Instant updatedAt;
    private final List<Step> steps = new ArrayList<>();

    public HousingFile(UUID id, String number, String receiptNumber, UUID beneficiaryId, String section, Household declared,
                       Payee payee, boolean renewal, Instant receivedAt, String filedBy, Status status, Examination examination,
                       Decision decision, Instant updatedAt) {
        this.id = Objects.requireNonNull(id);
        this.number = number;
        this.receiptNumber = receiptNumber;
        this.beneficiaryId = beneficiaryId;
        this.section = section;
        this.declared = declared;
        this.payee = payee;
        this.renewal = renewal;
        this.receivedAt = receivedAt;
        this.filedBy = filedBy;
        this.status = status;
        this.examination = examination;
        this.decision = decision;
        this.updatedAt = updatedAt;
    }

    /** A new file, received. */
    public static HousingFile file(UUID id, String number, String receiptNumber, UUID beneficiaryId, String section,
                                   Household declared, Payee payee, boolean renewal, Instant receivedAt, Actor agent, Instant now) {
        HousingFile file = new HousingFile(id, number, receiptNumber, beneficiaryId, section, declared, payee, renewal,
                receivedAt, agent.username(), Status.RECEIVED, null, null, now);
        file.step(Transition.RECEIVED, Status.RECEIVED, now, agent.label(), null, List.of());
        return file;
    }

    /**
     * The social worker's examination, which may be done again until the decision: the household as the documents show
     * it, and what the rules give it with the figures of the day.
     */
    public void examine(Household checked, Assessment assessment, String notes, Actor agent, Instant now) {
        require(Status.RECEIVED, Status.UNDER_EXAMINATION);
        examination = new Examination(agent.username(), now, checked, assessment, notes);
        step(Transition.EXAMINED, Status.UNDER_EXAMINATION, now, agent.label(), assessment.granted()
                ? assessment.variant().name() + " " + assessment.amount().toPlainString() : "refus proposé",
                assessment.reasons().stream().map(Enum::name).toList());
    }

    /**
     * A grant, on the examined household with the figures of the decision's day: refused when the rules refuse it (the
     * director refuses the file instead, with the rules' reasons).
     *
     * @param from   the first day it covers: the first of the month after the decision, or the day after the grant it
     *               renews ends
     * @param months how many months it covers: 12 for a first grant and a first renewal, then up to 24 (RM II 2.1 c/2)
     */
    public void grant(Assessment assessment, LocalDate today, LocalDate from, int months, Actor director, Instant now) {
        require(Status.UNDER_EXAMINATION);
        FourEyes.requireDecider(director, filedBy, examination.examinedBy());
        if (!assessment.granted()) {
            List<String> reasons = assessment.reasons().stream().map(Enum::name).toList();
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, ProblemTypes.NOT_ELIGIBLE, "Not eligible", "On " + today
                    + " the rules refuse Paris Logement to this household: " + String.join(", ", reasons) + ". Refuse the file instead.")
                    .with("reasons", reasons);
        }
        decision = new Decision(director.username(), now, assessment.variant(), assessment.amount(), from,
                from.plusMonths(months).minusDays(1), List.of(), null);
        step(Transition.GRANTED, Status.GRANTED, now, director.label(),
                assessment.variant().name() + " " + assessment.amount().toPlainString() + " du " + from, List.of());
    }

    /** A refusal, with its reasons (the rules' codes, or OTHER with a text). */
    public void refuse(List<String> reasons, String text, Actor director, Instant now) {
        require(Status.RECEIVED, Status.UNDER_EXAMINATION);
        FourEyes.requireDecider(director, filedBy, examination == null ? null : examination.examinedBy());
        decision = new Decision(director.username(), now, null, null, null, null, reasons, text);
        step(Transition.REFUSED, Status.REFUSED, now, director.label(), text, reasons);
    }

    private void require(Status... allowed) {
        for (Status s : allowed) {
            if (s == status) {
                return;
            }
        }
        throw Refusal.notPossibleNow("The Paris Logement file " + number, status, allowed);
    }

    private void step(Transition transition, Status to, Instant at, String agent, String detail, List<String> reasons) {
        status = to;
        updatedAt = at;
        steps.add(new Step(transition, to, at, agent, detail, reasons));
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

    public String section() {
        return section;
    }

    /** The household as the person declared it at the counter. */
    public Household declared() {
        return declared;
    }

    public Payee payee() {
        return payee;
    }

    public boolean renewal() {
        return renewal;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String filedBy() {
        return filedBy;
    }

    public Status status() {
        return status;
    }

    public Examination examination() {
        return examination;
    }

    public Decision decision() {
        return decision;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The steps taken since the file was loaded, in order. */
    public List<Step> steps() {
        return List.copyOf(steps);
    }
}
