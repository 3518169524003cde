package fr.paris.casvp.guichet.solidarity.file;

import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.solidarity.SolidarityEvent;
import fr.paris.casvp.guichet.messaging.outbox.Outbox;
import fr.paris.casvp.guichet.messaging.outbox.OutboxEvent;
import fr.paris.casvp.guichet.messaging.partner.Pseudonyms;
import fr.paris.casvp.guichet.messaging.partner.Pseudonyms.Partner;
import fr.paris.casvp.guichet.solidarity.domain.Change;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Every step of a file on {@code solidarity.events.v1}, through the outbox, keyed by the beneficiary's pseudonym. */
@Component
public class SolidarityEvents {

    private final Outbox outbox;
    private final Pseudonyms pseudonyms;
    private final JsonMapper json;

    SolidarityEvents(Outbox outbox, Pseudonyms pseudonyms, JsonMapper json) {
        this.outbox = outbox;
        this.pseudonyms = pseudonyms;
        this.json = json;
    }

    /** The pseudonym the treasury knows the beneficiary by, on the payment orders. */
    public String treasuryPseudonym(UUID beneficiaryId) {
        return pseudonyms.of(Partner.TREASURY, beneficiaryId);
    }

    /** A step of a file, keyed by its beneficiary's pseudonym: a beneficiary's events stay in order. */
    void publish(Change change) {
        String beneficiary = pseudonyms.of(Partner.EVENTS, change.beneficiaryId());
        SolidarityEvent event = new SolidarityEvent(change.fileId(), change.fileNumber(), change.applicationId(), beneficiary,
                change.section(), change.transition(), change.status(), change.monthlyAmount(), change.firstMonth(),
                change.lastMonth(), change.effectiveFrom(),
                change.reasonCodes() == null || change.reasonCodes().isEmpty() ? null : change.reasonCodes(),
                change.receivedAt(), change.at());
        outbox.add(OutboxEvent.of(Topic.SOLIDARITY_EVENTS.topicName(), beneficiary, SolidarityEvent.typeOf(change.transition()),
                "solidarity/files/" + change.fileId(), change.at(), json.writeValueAsString(event)));
    }
}
