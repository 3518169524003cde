package fr.paris.casvp.guichet.solidarity.file;

import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.solidarity.SolidarityEvent.Transition;
import fr.paris.casvp.guichet.contracts.solidarity.SolidarityEvent;
import fr.paris.casvp.guichet.messaging.outbox.Outbox;
import fr.paris.casvp.guichet.messaging.outbox.OutboxEvent;
import fr.paris.casvp.guichet.messaging.partner.Pseudonyms.Partner;
import fr.paris.casvp.guichet.messaging.partner.Pseudonyms;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

    void publish(UUID fileId, String fileNumber, UUID applicationId, UUID beneficiaryId, String section, Transition transition,
                 String status, BigDecimal monthlyAmount, LocalDate firstMonth, LocalDate lastMonth, LocalDate effectiveFrom,
                 List<String> reasonCodes, Instant receivedAt, Instant at) {
        String beneficiary = pseudonyms.of(Partner.EVENTS, beneficiaryId);
        SolidarityEvent event = new SolidarityEvent(fileId, fileNumber, applicationId, beneficiary, section, transition, status,
                monthlyAmount, firstMonth, lastMonth, effectiveFrom, reasonCodes == null || reasonCodes.isEmpty() ? null : reasonCodes,
                receivedAt, at);
        outbox.add(OutboxEvent.of(Topic.SOLIDARITY_EVENTS.topicName(), beneficiary, SolidarityEvent.typeOf(transition),
                "solidarity/files/" + fileId, at, json.writeValueAsString(event)));
    }
}
