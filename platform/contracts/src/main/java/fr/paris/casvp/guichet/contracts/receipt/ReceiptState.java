package fr.paris.casvp.guichet.contracts.receipt;

import java.time.Instant;
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
 */
public record ReceiptState(String number, String benefit, String status, Instant receivedAt, UUID applicationId,
                           String applicationNumber, String section, List<String> reasons, String birthDateCheck,
                           Instant updatedAt, UUID idempotencyKey) {

    /** A state without a command's key: every state but the gateway's QUEUED. */
    public ReceiptState(String number, String benefit, String status, Instant receivedAt, UUID applicationId,
                        String applicationNumber, String section, List<String> reasons, String birthDateCheck,
                        Instant updatedAt) {
        this(number, benefit, status, receivedAt, applicationId, applicationNumber, section, reasons, birthDateCheck,
                updatedAt, null);
    }

    public static final String TYPE = "fr.paris.casvp.guichet.receipt.state.v1";
    public static final String QUEUED = "QUEUED";
    public static final String REJECTED = "REJECTED";
}
