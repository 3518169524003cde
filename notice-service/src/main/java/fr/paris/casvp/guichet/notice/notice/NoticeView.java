package fr.paris.casvp.guichet.notice.notice;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A notice as supervisors see it: what, for which file, where it stands; never the person's address. */
public record NoticeView(
        UUID id,
        @Schema(description = "The benefit's event (ce_id) the notice tells", maxLength = 200) String eventId,
        @Schema(allowableValues = {"EMAIL", "SMS"}) String channel,
        @Schema(allowableValues = {"AID", "SOLIDARITY", "TRANSPORT"}) String benefit,
        @Schema(allowableValues = {"RECEIVED", "GRANTED", "REFUSED", "PAID", "PASS_LOADED", "PASS_NOT_LOADED"}) String moment,
        @Schema(description = "The file's number the person knows", maxLength = 40) String reference,
        @Schema(description = "The section that follows the file", maxLength = 2) String section,
        Instant occurredAt,
        @Schema(allowableValues = {"PENDING", "SENT", "SKIPPED", "FAILED"}) String status,
        int attempts,
        @Schema(description = "Why it was skipped, or the last failure", maxLength = 500) String outcome,
        Instant createdAt,
        Instant sentAt) {
}
