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
     * @param lastStep an application's number and the number of its last recorded step, these changes included
     */
    void publish(List<Change> changes, Function<UUID, FileStore.LastStep> lastStep) {
        Map<UUID, Long> counts = changes.stream().collect(Collectors.groupingBy(Change::applicationId, Collectors.counting()));
        Map<UUID, FileStore.LastStep> steps = new HashMap<>();
        for (Change change : changes) {
            FileStore.LastStep last = steps.computeIfAbsent(change.applicationId(), id -> {
                FileStore.LastStep recorded = lastStep.apply(id);
                return new FileStore.LastStep(recorded.applicationNumber(), recorded.seq() - counts.get(id).intValue());
            });
            FileStore.LastStep step = new FileStore.LastStep(last.applicationNumber(), last.seq() + 1);
            steps.put(change.applicationId(), step);
            publish(change, step);
        }
    }

    /** A step of a file, keyed by its beneficiary's pseudonym: a beneficiary's events stay in order. */
    private void publish(Change change, FileStore.LastStep step) {
        int seq = step.seq();
        String beneficiary = pseudonyms.of(Partner.EVENTS, change.beneficiaryId());
        SolidarityEvent event = new SolidarityEvent(change.fileId(), change.fileNumber(), change.applicationId(),
                step.applicationNumber(), beneficiary,
                change.section(), change.transition(), change.status(), change.monthlyAmount(), change.firstMonth(),
                change.lastMonth(), change.effectiveFrom(),
                change.reasonCodes() == null || change.reasonCodes().isEmpty() ? null : change.reasonCodes(),
                change.receivedAt(), change.at());
        UUID eventId = UUID.nameUUIDFromBytes(("solidarity/applications/" + change.applicationId() + "/steps/" + seq)
                .getBytes(StandardCharsets.UTF_8));
        outbox.add(new OutboxEvent(eventId, Topic.eventsOf("solidarity").topicName(), beneficiary, SolidarityEvent.typeOf(change.transition()),
                "solidarity/files/" + change.fileId(), change.at(), json.writeValueAsString(event)));
    }
}
