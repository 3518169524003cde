package fr.paris.casvp.guichet.audit;

import fr.paris.casvp.guichet.messaging.consumer.ParkedRecords;
import fr.paris.casvp.guichet.messaging.consumer.PartnerAnswer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a service did with a partner's record, made visible: one that does not match its order is parked (listed at
 * {@code /actuator/parked}); one applied or parked is recorded in the audit trail as done by {@code kafka:<topic>},
 * so that the trail of a file shows the changes that came from outside as well as the agents'.
 */
public class PartnerAnswers {

    private final ParkedRecords parked;
    private final AuditTrail trail;

    public PartnerAnswers(ParkedRecords parked, AuditTrail trail) {
        this.parked = parked;
        this.trail = trail;
    }

    /** @param what what the record is, e.g. {@code payment-confirmation}; @param resourceType what it changes */
    public void handled(ConsumerRecord<String, String> record, String what, String resourceType, PartnerAnswer answer) {
        switch (answer.outcome()) {
            case APPLIED -> trail.record(AuditTrail.source(record.topic()), "APPLY " + what, resourceType, answer.resource(), 200);
            case PARKED -> {
                parked.park(record, answer.mismatches());
                trail.record(AuditTrail.source(record.topic()), "PARK " + what, resourceType, answer.resource(), 409);
            }
            case IGNORED -> {
            }
        }
    }
}
