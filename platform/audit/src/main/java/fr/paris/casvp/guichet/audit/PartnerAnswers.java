package fr.paris.casvp.guichet.audit;

import fr.paris.casvp.guichet.contracts.OrderAnswer;
import fr.paris.casvp.guichet.messaging.consumer.IdempotentConsumer;
import fr.paris.casvp.guichet.messaging.consumer.ParkedRecords;
import fr.paris.casvp.guichet.messaging.consumer.PartnerAnswer;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner's answers to this service's orders (payment confirmations, pass confirmations), taken the same way by every
 * benefit: read as the contract's record (unknown fields ignored), applied once per record ({@link IdempotentConsumer}:
 * a redelivered answer changes nothing), and made visible — one that does not match its order is parked (listed at
 * {@code /actuator/parked}); one applied or parked is recorded in the audit trail as done by {@code kafka:<topic>}, so
 * that the trail of a file shows the changes that came from outside as well as the agents'. A record that is not such
 * an answer never gets here: the listener's container refuses it first, against the answer's schema
 * ({@code platform/messaging} {@code InboundRecords}), to the dead-letter topic with the reasons. One that does not match
 * its order is parked here, and its copy with the reasons is put on the dead-letter topic too ({@link ParkedRecords}).
 */
public class PartnerAnswers {

    private final IdempotentConsumer consumer;
    private final ParkedRecords parked;
    private final AuditTrail trail;
    private final JsonMapper json;

    public PartnerAnswers(IdempotentConsumer consumer, ParkedRecords parked, AuditTrail trail, JsonMapper json) {
        this.consumer = consumer;
        this.parked = parked;
        this.trail = trail;
        this.json = json;
    }

    /**
     * @param consumerName the name under which this service remembers the records it applied, e.g. {@code aid.payment-confirmations}
     * @param type         the answer's record in the contracts
     * @param what         what the record is, for the trail, e.g. {@code payment-confirmation}
     * @param resourceType what it changes, e.g. {@code applications}
     * @param orderedHere  whether this service ordered the order of that id: a read, outside any transaction. The
     *                     topics of answers are shared by the services that order (every benefit's payments come back
     *                     on one topic): the answers to the others' orders are passed by at the cost of that read, not
     *                     of a transaction that records them, so that a monthly run's tens of thousands of answers do
     *                     not hold up, for minutes, the answer to an emergency aid queued behind them
     * @param apply        applies the answer to the order it answers, in the consumer's transaction
     */
    public <A extends OrderAnswer> void consume(String consumerName, ConsumerRecord<String, String> record, Class<A> type,
                                                String what, String resourceType, Predicate<UUID> orderedHere,
                                                Function<A, PartnerAnswer> apply) {
        A answer = json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(record.value());
        if (answer.orderId() == null || answer.status() == null) {
            throw new IllegalArgumentException("A " + what + " needs an orderId and a status");
        }
        if (!orderedHere.test(answer.orderId())) {
            return;
        }
        consumer.apply(consumerName, record, r -> handled(r, what, resourceType, apply.apply(answer)));
    }

    /** Records what was done with a partner's record: applied (trail), parked (parked records and trail) or ignored. */
    private void handled(ConsumerRecord<String, String> record, String what, String resourceType, PartnerAnswer answer) {
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
