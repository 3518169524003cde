package fr.paris.casvp.guichet.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TopicTest {

    @Test
    void namesTheTopicsOfTheDesign() {
        assertThat(Arrays.stream(Topic.values()).map(Topic::topicName)).containsExactlyInAnyOrder(
                "beneficiaries.v1", "aid.events.v1", "solidarity.events.v1", "transport.events.v1",
                "payment-orders.v1", "payment-confirmations.v1", "payment-orders.v2", "payment-confirmations.v2", "transport.pass-orders.v1",
                "transport.pass-confirmations.v1", "intake.aid.v1", "intake.solidarity.v1", "intake.transport.v1",
                "receipts.v1", "receipts.aid.v1", "receipts.solidarity.v1", "receipts.transport.v1", "receipt-series.v1",
                "audit-anchors.beneficiary.v1", "audit-anchors.aid.v1", "audit-anchors.solidarity.v1", "audit-anchors.transport.v1",
                "status-board.v1");
    }

    @Test
    void onlyTheLatestStateTopicsAreCompacted() {
        assertThat(Arrays.stream(Topic.values()).filter(Topic::compacted))
                .containsExactlyInAnyOrder(Topic.BENEFICIARIES, Topic.RECEIPTS, Topic.RECEIPTS_AID, Topic.RECEIPTS_SOLIDARITY,
                        Topic.RECEIPTS_TRANSPORT, Topic.RECEIPT_SERIES, Topic.AUDIT_ANCHORS_BENEFICIARY, Topic.AUDIT_ANCHORS_AID,
                        Topic.AUDIT_ANCHORS_SOLIDARITY, Topic.AUDIT_ANCHORS_TRANSPORT);
    }

    @Test
    void aQueuedCommandOutlivesTheTwoMonthsItsReceptionTimeCountsForAndACompactedTopicKeepsEveryKey() {
        for (Topic intake : new Topic[] {Topic.INTAKE_AID, Topic.INTAKE_SOLIDARITY, Topic.INTAKE_TRANSPORT}) {
            assertThat(Duration.ofMillis(Long.parseLong(intake.configs().get("retention.ms")))).as(intake.topicName())
                    .isGreaterThan(Duration.ofDays(62));
        }
        assertThat(Topic.RECEIPTS.configs()).containsEntry("cleanup.policy", "compact").containsEntry("retention.ms", "-1");
        assertThat(Topic.PAYMENT_ORDERS.configs()).containsEntry("cleanup.policy", "delete");
        assertThat(Arrays.stream(Topic.values()).filter(t -> !t.compacted()))
                .allSatisfy(t -> assertThat(Long.parseLong(t.configs().get("retention.ms"))).isPositive());
        assertThat(Topic.deadLetterConfigs()).containsEntry("cleanup.policy", "delete");
    }

    @Test
    void deadLetterTopicIsTheTopicWithDltSuffix() {
        assertThat(Topic.INTAKE_AID.deadLetterTopicName()).isEqualTo("intake.aid.v1.dlt");
        assertThat(Topic.byName("aid.events.v1")).contains(Topic.AID_EVENTS);
        assertThat(Topic.byName("unknown.v1")).isEmpty();
        assertThat(Topic.receiptsOf("aid")).isEqualTo(Topic.RECEIPTS_AID);
        assertThat(Topic.RECEIPTS_TRANSPORT.receiptsBenefit()).contains("transport");
        assertThat(Topic.RECEIPTS.receiptsBenefit()).isEmpty();
        assertThat(Topic.auditAnchorsOf("solidarity")).contains(Topic.AUDIT_ANCHORS_SOLIDARITY);
    }
}
