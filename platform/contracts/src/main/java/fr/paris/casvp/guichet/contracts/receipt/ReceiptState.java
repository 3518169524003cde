package fr.paris.casvp.guichet.contracts.receipt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Where the command behind a receipt (récépissé) stands (compacted topics, key = the receipt number): QUEUED by the
 * gateway on {@code receipts.v1}, then the application's status from its service (RECEIVED, UNDER_EXAMINATION,
 * GRANTED...) on its own {@code receipts.<benefit>.v1}, or REJECTED with the reasons when a queued command failed on
 * replay. The gateway keeps the latest state of every receipt,
 * so a receipt can be looked up also while its service is down. Event type {@link #TYPE}; schema
 * {@code schemas/receipt-state.v1.json}.
 *
 * @param birthDateCheck keyed hash of the receipt number and the beneficiary's birth date ({@link ReceiptChecks}), so
 *                       that a person may look up their receipt with their birth date without an account; null while
 *                       unknown (QUEUED)
 * @param reasons        why a queued command was rejected (REJECTED), in the service's words
 * @param idempotencyKey the queued command's key, on the gateway's QUEUED state only: every instance of the gateway
 *                       answers a command queued again (a counter that retried, through another instance) with the
 *                       receipt it got the first time
 * @param details        what the person reads of their file on "Suivre ma demande"; null when there is nothing to say
 */
public record ReceiptState(String number, String benefit, String status, Instant receivedAt, UUID applicationId,
                           String applicationNumber, String section, List<String> reasons, String birthDateCheck,
                           Instant updatedAt, UUID idempotencyKey, Details details) {

    /**
     * What the person may read of their file with the receipt's number and their birth date (issue #36: neither the
     * amount nor the missing documents were anywhere but the agents' screens).
     *
     * @param amount           the amount granted, two decimals ("85.40"): the aid's, or Paris Solidarité's each month
     * @param monthly          whether {@code amount} is paid each month
     * @param from             the first day of what was granted (a grant's first month, a pass's validity)
     * @param until            its last day, or the first day of its last month for a monthly amount
     * @param missingDocuments the documents the section still waits for, as the agent wrote them; empty when none
     */
    public record Details(String amount, boolean monthly, LocalDate from, LocalDate until, List<String> missingDocuments) {

        /** The details, or null when they say nothing. */
        public static Details of(BigDecimal amount, boolean monthly, LocalDate from, LocalDate until, List<String> missing) {
            List<String> documents = missing == null ? List.of() : List.copyOf(missing);
            if (amount == null && from == null && until == null && documents.isEmpty()) {
                return null;
            }
            return new Details(amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP).toPlainString(), monthly, from,
                    until, documents);
        }
    }

    /** A state without a command's key nor details. */
    public ReceiptState(String number, String benefit, String status, Instant receivedAt, UUID applicationId,
                        String applicationNumber, String section, List<String> reasons, String birthDateCheck,
                        Instant updatedAt) {
        this(number, benefit, status, receivedAt, applicationId, applicationNumber, section, reasons, birthDateCheck,
                updatedAt, null, null);
    }

    /** A state with details, from a benefit's service. */
    public ReceiptState(String number, String benefit, String status, Instant receivedAt, UUID applicationId,
                        String applicationNumber, String section, List<String> reasons, String birthDateCheck,
                        Instant updatedAt, Details details) {
        this(number, benefit, status, receivedAt, applicationId, applicationNumber, section, reasons, birthDateCheck,
                updatedAt, null, details);
    }

    /** The gateway's QUEUED state, with the command's key. */
    public ReceiptState(String number, String benefit, String status, Instant receivedAt, UUID applicationId,
                        String applicationNumber, String section, List<String> reasons, String birthDateCheck,
                        Instant updatedAt, UUID idempotencyKey) {
        this(number, benefit, status, receivedAt, applicationId, applicationNumber, section, reasons, birthDateCheck,
                updatedAt, idempotencyKey, null);
    }

    public static final String TYPE = "fr.paris.casvp.guichet.receipt.state.v1";
    public static final String QUEUED = "QUEUED";
    public static final String REJECTED = "REJECTED";
}
