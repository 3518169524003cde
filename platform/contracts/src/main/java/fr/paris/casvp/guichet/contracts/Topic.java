package fr.paris.casvp.guichet.contracts;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every Kafka topic of the suite ({@code v1} is the contract version). Topics are partitioned by beneficiary id so
 * that everything about one person stays in order.
 */
public enum Topic {

    /** Full snapshot of a beneficiary and household; key = beneficiary id, null value = erased. */
    BENEFICIARIES("beneficiaries.v1", true),
    AID_EVENTS("aid.events.v1", false),
    SOLIDARITY_EVENTS("solidarity.events.v1", false),
    TRANSPORT_EVENTS("transport.events.v1", false),
    /** To the treasury; the only topic that carries an IBAN. */
    PAYMENT_ORDERS("payment-orders.v1", false),
    /** From the treasury. */
    PAYMENT_CONFIRMATIONS("payment-confirmations.v1", false),
    TRANSPORT_PASS_ORDERS("transport.pass-orders.v1", false),
    TRANSPORT_PASS_CONFIRMATIONS("transport.pass-confirmations.v1", false),
    /** Commands queued by the gateway while the benefit's service is unavailable. */
    INTAKE_AID("intake.aid.v1", false),
    INTAKE_SOLIDARITY("intake.solidarity.v1", false),
    INTAKE_TRANSPORT("intake.transport.v1", false),
    /** Latest state of every receipt; key = receipt number. */
    RECEIPTS("receipts.v1", true),
    /** Every series of receipt numbers reserved by a counter for offline capture; key = the series prefix. */
    RECEIPT_SERIES("receipt-series.v1", true),
    /** The head of each service's audit trail, kept outside its database; key = the trail. */
    AUDIT_ANCHORS("audit-anchors.v1", true);

    public static final int DEFAULT_PARTITIONS = 12;
    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private final String topicName;
    private final boolean compacted;

    Topic(String topicName, boolean compacted) {
        this.topicName = topicName;
        this.compacted = compacted;
    }

    public String topicName() {
        return topicName;
    }

    public boolean compacted() {
        return compacted;
    }

    /** Where a consumer parks a record it could not process after bounded retries. */
    public String deadLetterTopicName() {
        return deadLetterTopicName(topicName);
    }

    public static String deadLetterTopicName(String topicName) {
        return topicName + DEAD_LETTER_SUFFIX;
    }

    public static Optional<Topic> byName(String topicName) {
        return Arrays.stream(values()).filter(t -> t.topicName.equals(topicName)).findFirst();
    }
}
