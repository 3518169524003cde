package fr.paris.casvp.guichet.aid.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An application as the API answers it: the request, where it stands, its receipt, its examination, its decisions
 * (several after an appeal), its payment orders and its history.
 */
public record ApplicationView(UUID id, String number, Receipt receipt, UUID beneficiaryId, String section,
                              Category category, String disasterEvent, BigDecimal requestedAmount, String reason,
                              PayeeView payee, PendingPayeeView pendingPayee, List<String> missingDocuments, Status status, Instant receivedAt,
                              String filedBy, Examination examination, List<DecisionView> decisions,
                              List<PaymentView> payments, List<StepView> history, Instant updatedAt) {

    /** The récépissé: its number is what the person keeps; its status follows the application. */
    public record Receipt(String number, Instant receivedAt, Status status) {
    }

    /** The IBAN is shown masked; the full one goes only to the treasury, on {@code payment-orders.v1}. */
    public record PayeeView(String kind, String accountHolder, String iban) {
    }

    /** A corrected payee proposed after a failed payment, waiting for a second agent to confirm it (null when none). */
    public record PendingPayeeView(String kind, String accountHolder, String iban, String proposedBy, Instant proposedAt) {
    }

    public record Examination(String examinedBy, Instant examinedAt, String assessment, BigDecimal proposedAmount) {
    }

    public record DecisionView(String outcome, BigDecimal amount, RefusalReason reasonCode, String reasonText,
                               String decidedBy, Instant decidedAt, LocalDate decisionDate, boolean onAppeal) {
    }

    public record PaymentView(String reference, int attempt, BigDecimal amount, String iban, String status,
                              String failureReason, Instant orderedAt, Instant settledAt) {
    }

    public record StepView(String transition, Status status, Instant at, String agent, String detail) {
    }
}
