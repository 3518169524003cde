package fr.paris.casvp.guichet.solidarity.domain;

import fr.paris.casvp.guichet.contracts.solidarity.SolidarityEvent.Transition;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A grant of Paris Solidarité: paid each month from its first to its last month, unless a change of situation (RM I/B
 * art. 7-8) suspends it (a move, more than 3 months away from home (II.1.1 d/4), resources that no longer give an
 * amount) or ends it (a death); conditions met again resume it from its suspension; other resources recompute its
 * amount. Reminded once before its last month, so that it is renewed in time.
 *
 * <p>Each change is added to {@link #changes()}, recorded in the application's history and published. No database here.
 */
public final class Grant {

    /** Where a grant stands. */
    public enum Status { ACTIVE, SUSPENDED, ENDED }

    /** A first grant and its first renewal last 12 months; later ones 1 to 24 (RM II.1.1 d/1). */
    public static final int FIRST_GRANTS_MONTHS = 12;
    /** How many grants count as "first": the first grant and its first renewal. */
    public static final int FIRST_GRANTS = 2;
    public static final int LATER_GRANTS_DEFAULT_MONTHS = 24;
    /** The reminder comes this many months before the last month. */
    public static final int RENEWAL_NOTICE_MONTHS = 2;

    private final UUID id;
    private final String number;
    private final UUID applicationId;
    private final UUID beneficiaryId;
    private final String section;
    private final String accountHolder;
    private final String iban;
    private final LocalDate firstMonth;
    private final LocalDate lastMonth;
    private Status status;
    private LocalDate statusFrom;
    private String statusReason;
    private BigDecimal monthlyAmount;
    private Long lastSnapshotVersion;
    private Instant renewalRemindedAt;
    private final String grantedBy;
    private final Instant grantedAt;
    private final List<Change> changes = new ArrayList<>();

    /** A grant as stored. */
    public Grant(UUID id, String number, UUID applicationId, UUID beneficiaryId, String section, String accountHolder,
                 String iban, LocalDate firstMonth, LocalDate lastMonth, Status status, LocalDate statusFrom,
                 String statusReason, BigDecimal monthlyAmount, Long lastSnapshotVersion, Instant renewalRemindedAt,
                 String grantedBy, Instant grantedAt) {
        this.id = id;
        this.number = number;
        this.applicationId = applicationId;
        this.beneficiaryId = beneficiaryId;
        this.section = section;
        this.accountHolder = accountHolder;
        this.iban = iban;
        this.firstMonth = firstMonth;
        this.lastMonth = lastMonth;
        this.status = status;
        this.statusFrom = statusFrom;
        this.statusReason = statusReason;
        this.monthlyAmount = monthlyAmount;
        this.lastSnapshotVersion = lastSnapshotVersion;
        this.renewalRemindedAt = renewalRemindedAt;
        this.grantedBy = grantedBy;
        this.grantedAt = grantedAt;
    }

    /**
     * How long a new grant lasts (RM II.1.1 d/1): 12 months for a first grant and its first renewal; later, the months
     * the director chose (24 by default). Empty when the director chose another length for a first grant.
     *
     * @param previousGrants the beneficiary's grants before this one
     * @param requested      the months the director chose; null: the default
     */
    public static OptionalInt length(long previousGrants, Integer requested) {
        if (previousGrants < FIRST_GRANTS) {
            return requested != null && requested != FIRST_GRANTS_MONTHS ? OptionalInt.empty()
                    : OptionalInt.of(FIRST_GRANTS_MONTHS);
        }
        return OptionalInt.of(requested == null ? LATER_GRANTS_DEFAULT_MONTHS : requested);
    }

    /** Whether a snapshot of the beneficiary of this {@code version} was already applied (or an older one). */
    public boolean hasSeen(long version) {
        return lastSnapshotVersion != null && version <= lastSnapshotVersion;
    }

    /** The beneficiary's snapshot of this version was applied. */
    public void seen(long version) {
        lastSnapshotVersion = version;
    }

    /**
     * Examines the grant again on the registry's latest data (RM I/B art. 7-8).
     *
     * @param deceasedOn the beneficiary's date of death, if recorded
     * @param facts      the household's facts for {@code current}
     * @param parameters the parameters in force in {@code current}, read only when an amount is computed
     */
    public void reexamine(LocalDate deceasedOn, HouseholdFacts facts, Supplier<Allowance.Parameters> parameters,
                          YearMonth current, Instant now) {
        if (deceasedOn != null) {
            change(Status.ENDED, deceasedOn, List.of(HouseholdFacts.DECEASED), Transition.ENDED, null, now);
            return;
        }
        if (!facts.stops().isEmpty()) {
            if (status == Status.ACTIVE) {
                change(Status.SUSPENDED, facts.stopsFrom(), facts.stops(), Transition.SUSPENDED, null, now);
            }
            return;
        }
        Allowance.Result result = Allowance.compute(facts.household(), parameters.get());
        if (!result.eligible()) {
            if (status == Status.ACTIVE) {
                change(Status.SUSPENDED, current.atDay(1), result.reasons(), Transition.SUSPENDED, null, now);
            }
            return;
        }
        if (status == Status.SUSPENDED) {
            // Conditions proven again: the benefit resumes from the suspension date (RM I/B art. 8).
            monthlyAmount = result.monthlyAmount();
            change(Status.ACTIVE, statusFrom, List.of(), Transition.RESUMED, result.monthlyAmount(), now);
        } else if (result.monthlyAmount().compareTo(monthlyAmount) != 0) {
            monthlyAmount = result.monthlyAmount();
            changes.add(new Change(id, number, applicationId, beneficiaryId, section, Transition.AMOUNT_RECOMPUTED,
                    Status.ACTIVE.name(), monthlyAmount, firstMonth, lastMonth, current.atDay(1), null, null, now, null,
                    number + " : " + monthlyAmount));
        }
    }

    /** The grant ends soon: the person is reminded, once, to renew it. */
    public void remindRenewal(Instant now) {
        renewalRemindedAt = now;
        changes.add(new Change(id, number, applicationId, beneficiaryId, section, Transition.RENEWAL_DUE, Status.ACTIVE.name(),
                monthlyAmount, firstMonth, lastMonth, lastMonth, null, null, now, null, number + " → " + lastMonth));
    }

    /**
     * @param effective when the change takes effect; a suspension or an end that would take effect before the grant's
     *                  first month takes effect from it (an absence begun before the grant: "suspended from" its start)
     */
    private void change(Status next, LocalDate effective, List<String> reasons, Transition transition, BigDecimal amount,
                        Instant now) {
        LocalDate from = effective != null && effective.isBefore(firstMonth) ? firstMonth : effective;
        boolean resumed = next == Status.ACTIVE;
        status = next;
        statusFrom = resumed ? null : from;
        statusReason = resumed ? null : String.join(",", reasons);
        changes.add(new Change(id, number, applicationId, beneficiaryId, section, transition, next.name(), amount, firstMonth,
                lastMonth, from, reasons, null, now, null, number + " " + from + " " + String.join(",", reasons)));
    }

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }

    public UUID applicationId() {
        return applicationId;
    }

    public UUID beneficiaryId() {
        return beneficiaryId;
    }

    public String section() {
        return section;
    }

    public String accountHolder() {
        return accountHolder;
    }

    public String iban() {
        return iban;
    }

    public LocalDate firstMonth() {
        return firstMonth;
    }

    public LocalDate lastMonth() {
        return lastMonth;
    }

    public Status status() {
        return status;
    }

    public LocalDate statusFrom() {
        return statusFrom;
    }

    public String statusReason() {
        return statusReason;
    }

    public BigDecimal monthlyAmount() {
        return monthlyAmount;
    }

    public Long lastSnapshotVersion() {
        return lastSnapshotVersion;
    }

    public Instant renewalRemindedAt() {
        return renewalRemindedAt;
    }

    public String grantedBy() {
        return grantedBy;
    }

    public Instant grantedAt() {
        return grantedAt;
    }

    /** The changes since the grant was loaded: to record and publish. */
    public List<Change> changes() {
        return List.copyOf(changes);
    }
}
