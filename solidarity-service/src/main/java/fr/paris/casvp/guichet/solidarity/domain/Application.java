package fr.paris.casvp.guichet.solidarity.domain;

import fr.paris.casvp.guichet.contracts.Actor;
import fr.paris.casvp.guichet.contracts.FourEyes;
import fr.paris.casvp.guichet.contracts.ParisTime;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.contracts.payment.Iban;
import fr.paris.casvp.guichet.contracts.solidarity.SolidarityEvent.Transition;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * An application for Paris Solidarité (RM II.1.1 elderly, III.1.1 disabled) and the rules of its life: received →
 * examined by a social worker → decided by the section director (never who filed or examined it): refused with its
 * reasons, or granted from the month of reception ({@link Grant}) when the registry's data give an amount
 * ({@link Allowance}, {@link HouseholdFacts}).
 *
 * <p>Each method checks that its step is possible now and by whom, changes the application and adds the step to
 * {@link #changes()}; a refused step throws a {@link Refusal} and changes nothing. No database here.
 */
public final class Application {

    /** The household is not eligible on the registry's data; {@code reasons} lists the rule's codes. */
    public static final URI NOT_ELIGIBLE = ProblemTypes.NOT_ELIGIBLE;

    /** Where an application stands. */
    public enum Status { RECEIVED, UNDER_EXAMINATION, REFUSED, GRANTED }

    private final UUID id;
    private final String number;
    private final String receiptNumber;
    private final UUID beneficiaryId;
    private final String section;
    private final boolean renewal;
    private final String accountHolder;
    private final String iban;
    private final Instant receivedAt;
    private final String filedBy;
    private Status status;
    private String examinedBy;
    private Instant examinedAt;
    private String assessment;
    private String decidedBy;
    private Instant decidedAt;
    private List<String> refusalReasons;
    private String refusalText;
    private Instant updatedAt;
    private final List<Change> changes = new ArrayList<>();

    /** An application as stored. */
    public Application(UUID id, String number, String receiptNumber, UUID beneficiaryId, String section, boolean renewal,
                       String accountHolder, String iban, Status status, Instant receivedAt, String filedBy,
                       String examinedBy, Instant examinedAt, String assessment, String decidedBy, Instant decidedAt,
                       List<String> refusalReasons, String refusalText, Instant updatedAt) {
        this.id = id;
        this.number = number;
        this.receiptNumber = receiptNumber;
        this.beneficiaryId = beneficiaryId;
        this.section = section;
        this.renewal = renewal;
        this.accountHolder = accountHolder;
        this.iban = iban;
        this.status = status;
        this.receivedAt = receivedAt;
        this.filedBy = filedBy;
        this.examinedBy = examinedBy;
        this.examinedAt = examinedAt;
        this.assessment = assessment;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.refusalReasons = refusalReasons == null ? List.of() : List.copyOf(refusalReasons);
        this.refusalText = refusalText;
        this.updatedAt = updatedAt;
    }

    /**
     * A new application, RECEIVED, in the beneficiary's section; the allowance is paid to {@code accountHolder} (the
     * beneficiary's names when none is given, cut to 70 characters).
     */
    public static Application file(UUID id, String number, String receiptNumber, UUID beneficiaryId, String section,
                                   boolean renewal, String accountHolder, String beneficiaryName, String iban,
                                   Instant receivedAt, Actor by, Instant now) {
        String holder = accountHolder == null || accountHolder.isBlank() ? beneficiaryName : accountHolder.strip();
        Application application = new Application(id, number, receiptNumber, beneficiaryId, section, renewal,
                holder.length() > 70 ? holder.substring(0, 70) : holder, Iban.normalise(iban), Status.RECEIVED, receivedAt,
                by.username(), null, null, null, null, null, List.of(), null, now);
        application.change(Transition.APPLICATION_RECEIVED, Status.RECEIVED, List.of(), now, by, null);
        return application;
    }

    /** The social worker's assessment. */
    public void examine(String text, Actor by, Instant now) {
        requireStatus(Status.RECEIVED, Status.UNDER_EXAMINATION);
        examinedBy = by.username();
        examinedAt = now;
        assessment = text.strip();
        change(Transition.EXAMINED, Status.UNDER_EXAMINATION, List.of(), now, by, null);
    }

    /** Whether {@code by} may decide now: examined, and they neither filed nor examined it (RM I/B art. 5). */
    public void requireDecidableBy(Actor by) {
        requireStatus(Status.UNDER_EXAMINATION);
        FourEyes.requireDecider(by, filedBy, examinedBy);
    }

    /** The section director refuses, with the rule's reasons (and a text for OTHER). */
    public void refuse(List<String> reasons, String text, Actor by, Instant now) {
        requireDecidableBy(by);
        decidedBy = by.username();
        decidedAt = now;
        refusalReasons = List.copyOf(reasons);
        refusalText = text == null ? null : text.strip();
        change(Transition.REFUSED, Status.REFUSED, reasons, now, by, String.join(",", reasons));
    }

    /** The first month a grant covers: the month the section received the application (RM I/B art. 3). */
    public YearMonth firstMonth() {
        return YearMonth.from(receivedAt.atZone(ParisTime.ZONE));
    }

    /**
     * Refused with the reasons, when the registry's data do not give the household an amount for the first month: a
     * stop (death, a move, away from home) or the rule's.
     */
    public void requireEligible(HouseholdFacts facts, Allowance.Result result) {
        List<String> blocking = Stream.concat(facts.stops().stream(),
                result.eligible() ? Stream.empty() : result.reasons().stream()).toList();
        if (!blocking.isEmpty()) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, NOT_ELIGIBLE, "Not eligible",
                    "On the registry's data, the household is not eligible for " + firstMonth() + ": "
                            + String.join(", ", blocking)
                            + ". Refuse the application with these reasons, or correct the file in the registry first.")
                    .with("reasons", blocking);
        }
    }

    /**
     * The section director grants, for {@code months} from the month of reception, the amount computed for it.
     *
     * @param snapshotVersion the registry's version the amount was computed on: older snapshots change nothing
     * @return the grant
     */
    public Grant grant(Allowance.Result result, int months, UUID grantId, String grantNumber, long snapshotVersion,
                       Actor by, Instant now) {
        requireDecidableBy(by);
        YearMonth first = firstMonth();
        LocalDate last = first.plusMonths(months - 1).atDay(1);
        Grant grant = new Grant(grantId, grantNumber, id, beneficiaryId, section, accountHolder, iban, first.atDay(1), last,
                Grant.Status.ACTIVE, null, null, result.monthlyAmount(), snapshotVersion, null, by.username(), now);
        decidedBy = by.username();
        decidedAt = now;
        status = Status.GRANTED;
        updatedAt = now;
        changes.add(new Change(grantId, grantNumber, id, beneficiaryId, section, Transition.GRANTED, Grant.Status.ACTIVE.name(),
                result.monthlyAmount(), first.atDay(1), last, first.atDay(1), null, receivedAt, now, by.label(),
                grantNumber + " " + first + " → " + YearMonth.from(last)));
        return grant;
    }

    private void change(Transition transition, Status next, List<String> reasons, Instant at, Actor by, String detail) {
        status = next;
        updatedAt = at;
        changes.add(new Change(id, number, id, beneficiaryId, section, transition, next.name(), null, null, null, null,
                reasons.isEmpty() ? null : List.copyOf(reasons), receivedAt, at, by.label(), detail));
    }

    private void requireStatus(Status... allowed) {
        if (!Set.of(allowed).contains(status)) {
            throw Refusal.notPossibleNow("The application " + number, status, allowed);
        }
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

    public boolean renewal() {
        return renewal;
    }

    public String accountHolder() {
        return accountHolder;
    }

    public String iban() {
        return iban;
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

    public String examinedBy() {
        return examinedBy;
    }

    public Instant examinedAt() {
        return examinedAt;
    }

    public String assessment() {
        return assessment;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public List<String> refusalReasons() {
        return refusalReasons;
    }

    public String refusalText() {
        return refusalText;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The steps taken since the application was loaded or filed: to store and publish. */
    public List<Change> changes() {
        return List.copyOf(changes);
    }
}
