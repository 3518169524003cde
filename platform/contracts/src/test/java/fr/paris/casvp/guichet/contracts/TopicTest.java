package fr.paris.casvp.guichet.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TopicTest {

    @Test
    void namesTheTopicsOfTheDesign() {
        assertThat(Arrays.stream(Topic.values()).map(Topic::topicName)).containsExactlyInAnyOrder(
                "beneficiaries.v1", "aid.events.v1", "solidarity.events.v1", "transport.events.v1",
                "payment-orders.v1", "payment-confirmations.v1", "transport.pass-orders.v1",
                "transport.pass-confirmations.v1", "intake.aid.v1", "intake.solidarity.v1", "intake.transport.v1",
                "receipts.v1", "receipt-series.v1", "audit-anchors.v1");
    }

    @Test
    void onlyTheLatestStateTopicsAreCompacted() {
        assertThat(Arrays.stream(Topic.values()).filter(Topic::compacted))
                .containsExactlyInAnyOrder(Topic.BENEFICIARIES, Topic.RECEIPTS, Topic.RECEIPT_SERIES, Topic.AUDIT_ANCHORS);
    }

    @Test
    void deadLetterTopicIsTheTopicWithDltSuffix() {
        assertThat(Topic.INTAKE_AID.deadLetterTopicName()).isEqualTo("intake.aid.v1.dlt");
        assertThat(Topic.byName("aid.events.v1")).contains(Topic.AID_EVENTS);
        assertThat(Topic.byName("unknown.v1")).isEmpty();
    }
}
