package fr.paris.casvp.guichet.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.paris.casvp.guichet.contracts.payment.PaymentConfirmation;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** What a service reads from a topic of the contract is checked against it before any listener sees it. */
class InboundRecordsTest {

    private static final String PAID = """
            {"orderId":"3f0f1b0e-7d1c-4a4e-9b1a-2c3d4e5f6a7b","reference":"AE-2026-000123-1","amount":400.00,"status":"PAID",
             "settledAt":"2026-12-02T09:30:00Z","bankNote":"a field of a later version"}
            """;

    @Test
    void aRecordOfItsTypeValidAgainstTheSchemaPassesUnknownFieldsIncluded() {
        assertThat(InboundRecords.problems(record("payment-confirmations.v1", PaymentConfirmation.TYPE, PAID))).isEmpty();
    }

    @Test
    void eachProblemIsNamed() {
        assertThat(InboundRecords.problems(record("payment-confirmations.v1", null, PAID)))
                .containsExactly("no ce_type header: the event type says which schema the value follows");
        assertThat(InboundRecords.problems(record("payment-confirmations.v1", "fr.paris.casvp.guichet.payment.order.v1", PAID)))
                .singleElement().asString().startsWith("ce_type fr.paris.casvp.guichet.payment.order.v1 is not an event type of "
                        + "payment-confirmations.v1");
        assertThat(InboundRecords.problems(record("payment-confirmations.v1", PaymentConfirmation.TYPE,
                PAID.replace("\"PAID\"", "\"MAYBE\"").replace("\"settledAt\":\"2026-12-02T09:30:00Z\",", ""))))
                .hasSize(2).anySatisfy(p -> assertThat(p).contains("status")).anySatisfy(p -> assertThat(p).contains("settledAt"));
        assertThat(InboundRecords.problems(record("payment-confirmations.v1", PaymentConfirmation.TYPE, null)))
                .containsExactly("no value: only a compacted topic takes an erasure");
        assertThat(InboundRecords.problems(record("payment-confirmations.v1", PaymentConfirmation.TYPE, "not json at all")))
                .singleElement().asString().startsWith("value: not JSON (");
    }

    @Test
    void anErasureOnACompactedTopicAndATopicOutsideTheContractPass() {
        assertThat(InboundRecords.problems(record("beneficiaries.v1", "fr.paris.casvp.guichet.beneficiary.snapshot.v1", null))).isEmpty();
        assertThat(InboundRecords.problems(record("messaging-test.payments.v1", null, "anything"))).isEmpty();
    }

    @Test
    void theInterceptorRefusesWithTheReasonsForTheDeadLetterHeader() {
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("payment-confirmations.v1", 3, 42L, "k", "{}");
        assertThatThrownBy(() -> new InboundRecords<>().intercept(record, null))
                .isInstanceOfSatisfying(RejectedRecordException.class, e -> assertThat(e.reason())
                        .isEqualTo("no ce_type header: the event type says which schema the value follows"));
    }

    private static ConsumerRecord<String, String> record(String topic, String type, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 0L, "key", value);
        if (type != null) {
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
