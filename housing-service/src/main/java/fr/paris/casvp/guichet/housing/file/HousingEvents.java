package fr.paris.casvp.guichet.housing.file;

import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.housing.HousingEvent;
import fr.paris.casvp.guichet.housing.domain.HousingFile;
import fr.paris.casvp.guichet.messaging.outbox.Outbox;
import fr.paris.casvp.guichet.messaging.outbox.OutboxEvent;
import fr.paris.casvp.guichet.messaging.partner.Pseudonyms;
import fr.paris.casvp.guichet.messaging.partner.Pseudonyms.Partner;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Every step of a file on {@code housing.events.v1}, through the outbox, keyed by the beneficiary's pseudonym. */
@Component
class HousingEvents {

    private final Outbox outbox;
    private final Pseudonyms pseudonyms;
    private final JsonMapper json;

    HousingEvents(Outbox outbox, Pseudonyms pseudonyms, JsonMapper json) {
        this.outbox = outbox;
        this.pseudonyms = pseudonyms;
        this.json = json;
    }

    /**
     * @param seq the step's place in the file's history: its event's id is derived from it, so that the same step taken
     *            again (after a restore of the database) is the same event, not sent twice
     */
    void step(HousingFile file, HousingFile.Step step, int seq) {
        String beneficiary = pseudonyms.of(Partner.EVENTS, file.beneficiaryId());
        HousingFile.Decision d = file.decision();
        boolean granted = d != null && d.variant() != null;
        HousingEvent event = new HousingEvent(file.id(), file.number(), beneficiary, file.section(),
                HousingEvent.Transition.valueOf(step.transition().name()), step.status().name(),
                granted ? d.variant().name() : null, granted ? d.monthlyAmount() : null, granted ? d.validFrom() : null,
                granted ? d.validUntil() : null, step.reasons().isEmpty() ? null : step.reasons(), file.receivedAt(), step.at());
        UUID eventId = UUID.nameUUIDFromBytes(("housing/files/" + file.id() + "/steps/" + seq).getBytes(StandardCharsets.UTF_8));
        outbox.add(new OutboxEvent(eventId, Topic.eventsOf("housing").topicName(), beneficiary, HousingEvent.typeOf(event.transition()),
                "housing/files/" + file.id(), step.at(), json.writeValueAsString(event)));
    }
}
