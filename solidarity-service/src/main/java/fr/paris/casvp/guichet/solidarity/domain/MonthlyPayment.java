package fr.paris.casvp.guichet.solidarity.domain;

import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * What a grant pays for a month (RM II.1.1): the amount computed from that month's parameters and the beneficiary's
 * current data, ORDERED to the treasury; or nothing, SKIPPED with the reason — suspended or ended before the month, the
 * beneficiary unknown to the registry's copy, a stop (death, a move, away from home), not above the payment threshold.
 *
 * @param amount     what is paid; for a payment skipped for its amount, what was computed
 * @param reference  the order's reference, e.g. {@code PSG-2026-000042-202611}; null when skipped
 */
public record MonthlyPayment(UUID grantId, BigDecimal amount, Status status, String skipReason, UUID orderId,
                             String reference) {

    /** ORDERED and SKIPPED by the run; PAID and FAILED by the treasury's answer. */
    public enum Status { ORDERED, SKIPPED, PAID, FAILED }

    private static final DateTimeFormatter REFERENCE_MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    /** A grant that covers the month, with what the run needs of it. */
    public record Due(UUID grantId, String number, UUID beneficiaryId, String accountHolder, String iban,
                      Grant.Status status, LocalDate statusFrom, String statusReason) {
    }

    /**
     * @param person   the beneficiary's latest snapshot; null when the registry's copy does not hold them
     * @param partners the partners' snapshots, by id
     */
    public static MonthlyPayment of(YearMonth month, Due due, BeneficiarySnapshot person,
                                    Function<UUID, Optional<BeneficiarySnapshot>> partners, Allowance.Parameters parameters) {
        LocalDate firstDay = month.atDay(1);
        if (due.status() != Grant.Status.ACTIVE && due.statusFrom() != null && !due.statusFrom().isAfter(firstDay)) {
            return skipped(due, BigDecimal.ZERO, due.status() + (due.statusReason() == null ? "" : ":" + due.statusReason()));
        }
        if (person == null || person.situation() == null) {
            return skipped(due, BigDecimal.ZERO, "BENEFICIARY_UNKNOWN");
        }
        HouseholdFacts facts = HouseholdFacts.of(person, partners, month);
        if (!facts.stops().isEmpty()) {
            return skipped(due, BigDecimal.ZERO, String.join(",", facts.stops()));
        }
        Allowance.Result result = Allowance.compute(facts.household(), parameters);
        if (result.monthlyAmount().signum() == 0) {
            BigDecimal computed = result.ceiling() == null ? BigDecimal.ZERO
                    : result.ceiling().subtract(result.countedResources()).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
            return skipped(due, computed, String.join(",", result.reasons()));
        }
        return new MonthlyPayment(due.grantId(), result.monthlyAmount(), Status.ORDERED, null, UUID.randomUUID(),
                due.number() + "-" + month.format(REFERENCE_MONTH));
    }

    /** The payment with arrears (positive) or an overpayment (negative) of past months added to its month's amount. */
    public MonthlyPayment plus(BigDecimal adjustments) {
        return new MonthlyPayment(grantId, amount.add(adjustments), status, skipReason, orderId, reference);
    }

    private static MonthlyPayment skipped(Due due, BigDecimal amount, String reason) {
        return new MonthlyPayment(due.grantId(), amount, Status.SKIPPED, reason, null, null);
    }
}
