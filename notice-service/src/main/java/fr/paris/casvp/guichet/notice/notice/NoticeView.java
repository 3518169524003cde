package fr.paris.casvp.guichet.notice.notice;

import fr.paris.casvp.guichet.notice.domain.Channel;
import fr.paris.casvp.guichet.notice.domain.Delivery;
import fr.paris.casvp.guichet.notice.domain.Moment;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A notice as supervisors see it: what, for which file, where it stands; never the person's address. */
public record NoticeView(
        UUID id,
        @Schema(description = "The benefit's event (ce_id) the notice tells", maxLength = 200) String eventId,
        Channel channel,
        @Schema(description = "The benefit, by its declared code in capitals (AID, SOLIDARITY, TRANSPORT...)", maxLength = 20)
        String benefit,
        Moment moment,
        @Schema(description = "The file's number the person knows", maxLength = 40) String reference,
        @Schema(description = "The section that follows the file", maxLength = 2) String section,
        Instant occurredAt,
        Delivery status,
        int attempts,
        @Schema(description = "Why it was skipped, or the last failure", maxLength = 500) String outcome,
        Instant createdAt,
        Instant sentAt) {
}
