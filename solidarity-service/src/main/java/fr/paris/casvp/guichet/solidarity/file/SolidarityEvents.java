package fr.paris.casvp.guichet.solidarity.file;

import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.solidarity.SolidarityEvent;
import fr.paris.casvp.guichet.messaging.outbox.Outbox;
import fr.paris.casvp.guichet.messaging.outbox.OutboxEvent;
import fr.paris.casvp.guichet.messaging.partner.Pseudonyms;
import fr.paris.casvp.guichet.messaging.partner.Pseudonyms.Partner;
import fr.paris.casvp.guichet.solidarity.domain.Change;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
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

    /**
     * The changes just recorded in their applications' histories ({@code psol_step}), each under an event id derived
     * from its step's number there: the same step taken again (after a restore of the database, RestoreReconciliation)
     * is the same event, not sent twice.
     *
     * @param lastStep the number of an application's last recorded step, these changes included
     */
    void publish(List<Change> changes, Function<UUID, Integer> lastStep) {
        Map<UUID, Long> counts = changes.stream().collect(Collectors.groupingBy(Change::applicationId, Collectors.counting()));
        Map<UUID, Integer> seqs = new HashMap<>();
        for (Change change : changes) {
            int seq = seqs.computeIfAbsent(change.applicationId(), id -> lastStep.apply(id) - counts.get(id).intValue()) + 1;
            seqs.put(change.applicationId(), seq);
            publish(change, seq);
        }
    }

    /** A step of a file, keyed by its beneficiary's pseudonym: a beneficiary's events stay in order. */
    private void publish(Change change, int seq) {
        String beneficiary = pseudonyms.of(Partner.EVENTS, change.beneficiaryId());
        SolidarityEvent event = new SolidarityEvent(change.fileId(), change.fileNumber(), change.applicationId(), beneficiary,
                change.section(), change.transition(), change.status(), change.monthlyAmount(), change.firstMonth(),
                change.lastMonth(), change.effectiveFrom(),
                change.reasonCodes() == null || change.reasonCodes().isEmpty() ? null : change.reasonCodes(),
                change.receivedAt(), change.at());
        UUID eventId = UUID.nameUUIDFromBytes(("solidarity/applications/" + change.applicationId() + "/steps/" + seq)
                .getBytes(StandardCharsets.UTF_8));
        outbox.add(new OutboxEvent(eventId, Topic.SOLIDARITY_EVENTS.topicName(), beneficiary, SolidarityEvent.typeOf(change.transition()),
                "solidarity/files/" + change.fileId(), change.at(), json.writeValueAsString(event)));
    }
}
