package fr.paris.casvp.guichet.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicTest {

    @Test
    void namesTheTopicsOfTheDesign() {
        assertThat(Topic.values().stream().map(Topic::topicName)).containsExactlyInAnyOrder(
                "beneficiaries.v1", "aid.events.v1", "solidarity.events.v1", "transport.events.v1", "housing.events.v1",
                "payment-orders.v1", "payment-confirmations.v1", "payment-orders.v2", "payment-confirmations.v2", "transport.pass-orders.v1",
                "transport.pass-confirmations.v1", "intake.aid.v1", "intake.solidarity.v1", "intake.transport.v1",
                "intake.housing.v1", "receipts.v1", "receipts.aid.v1", "receipts.solidarity.v1", "receipts.transport.v1",
                "receipts.housing.v1", "receipt-series.v1", "audit-anchors.beneficiary.v1", "audit-anchors.aid.v1",
                "audit-anchors.solidarity.v1", "audit-anchors.transport.v1", "audit-anchors.housing.v1", "status-board.v1");
    }

    @Test
    void onlyTheLatestStateTopicsAreCompacted() {
        assertThat(Topic.values().stream().filter(Topic::compacted))
                .map(Topic::topicName).containsExactlyInAnyOrder("beneficiaries.v1", "receipts.v1", "receipts.aid.v1",
                        "receipts.solidarity.v1", "receipts.transport.v1", "receipts.housing.v1", "receipt-series.v1",
                        "audit-anchors.beneficiary.v1", "audit-anchors.aid.v1", "audit-anchors.solidarity.v1", "audit-anchors.transport.v1",
                        "audit-anchors.housing.v1");
    }

    @Test
    void aQueuedCommandOutlivesTheTwoMonthsItsReceptionTimeCountsForAndACompactedTopicKeepsEveryKey() {
        for (Topic intake : new Topic[] {Topic.intakeOf("aid"), Topic.intakeOf("solidarity"), Topic.intakeOf("transport")}) {
            assertThat(Duration.ofMillis(Long.parseLong(intake.configs().get("retention.ms")))).as(intake.topicName())
                    .isGreaterThan(Duration.ofDays(62));
        }
        assertThat(Topic.RECEIPTS.configs()).containsEntry("cleanup.policy", "compact").containsEntry("retention.ms", "-1");
        assertThat(Topic.PAYMENT_ORDERS.configs()).containsEntry("cleanup.policy", "delete");
        assertThat(Topic.values().stream().filter(t -> !t.compacted()))
                .allSatisfy(t -> assertThat(Long.parseLong(t.configs().get("retention.ms"))).isPositive());
        assertThat(Topic.deadLetterConfigs()).containsEntry("cleanup.policy", "delete");
    }

    @Test
    void deadLetterTopicIsTheTopicWithDltSuffix() {
        assertThat(Topic.intakeOf("aid").deadLetterTopicName()).isEqualTo("intake.aid.v1.dlt");
        assertThat(Topic.byName("aid.events.v1")).containsSame(Topic.eventsOf("aid"));
        assertThat(Topic.byName("unknown.v1")).isEmpty();
        assertThat(Topic.receiptsOf("aid").topicName()).isEqualTo("receipts.aid.v1");
        assertThat(Topic.receiptsOf("transport").receiptsBenefit()).contains("transport");
        assertThat(Topic.RECEIPTS.receiptsBenefit()).isEmpty();
        assertThat(Topic.intakeOf("transport").receiptsBenefit()).isEmpty();
        assertThat(Topic.auditAnchorsOf("solidarity").map(Topic::topicName)).contains("audit-anchors.solidarity.v1");
    }

    @Test
    void eachDeclaredBenefitHasItsFourTopicsAndNoUndeclaredBenefitHasAny() {
        for (String code : fr.paris.casvp.guichet.contracts.benefit.Benefits.codes()) {
            assertThat(List.of(Topic.eventsOf(code), Topic.intakeOf(code), Topic.receiptsOf(code))).as(code)
                    .allSatisfy(topic -> assertThat(topic.benefit()).contains(code));
        }
        assertThat(Topic.eventsOf("aid").eventTypes()).contains("fr.paris.casvp.guichet.aid.application.granted.v1")
                .allSatisfy(type -> assertThat(type).startsWith("fr.paris.casvp.guichet.aid.application."));
        assertThat(Topic.eventsOf("solidarity").eventTypes()).doesNotContain("fr.paris.casvp.guichet.aid.application.granted.v1");
        assertThatThrownBy(() -> Topic.intakeOf("energy")).hasMessageContaining("energy is not a declared benefit");
        assertThatThrownBy(() -> Topic.eventsOf("beneficiaries")).hasMessageContaining("not a declared benefit");
        assertThat(Topic.receiptStateNames()).containsExactly("receipts.v1", "receipts.aid.v1", "receipts.solidarity.v1",
                "receipts.transport.v1", "receipts.housing.v1");
    }
}
