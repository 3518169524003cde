package fr.paris.casvp.guichet.contracts;

import fr.paris.casvp.guichet.contracts.aid.AidApplicationEvent;
import fr.paris.casvp.guichet.contracts.audit.AuditAnchor;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.contracts.intake.QueuedCommand;
import fr.paris.casvp.guichet.contracts.payment.PaymentConfirmation;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrder;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrderV2;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptSeries;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptState;
import fr.paris.casvp.guichet.contracts.solidarity.SolidarityEvent;
import fr.paris.casvp.guichet.contracts.status.BoardEntry;
import fr.paris.casvp.guichet.contracts.transport.PassConfirmation;
import fr.paris.casvp.guichet.contracts.transport.PassOrder;
import fr.paris.casvp.guichet.contracts.transport.TransportEvent;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every Kafka topic of the suite ({@code v1} is the contract version). Topics are partitioned by beneficiary id so
 * that everything about one person stays in order.
 */
public enum Topic {

    /** Full snapshot of a beneficiary and household; key = beneficiary id, null value = erased. */
    BENEFICIARIES("beneficiaries.v1", true, null),
    AID_EVENTS("aid.events.v1", false, Retention.PARTNERS),
    SOLIDARITY_EVENTS("solidarity.events.v1", false, Retention.PARTNERS),
    TRANSPORT_EVENTS("transport.events.v1", false, Retention.PARTNERS),
    /** To the treasury; the only topic that carries an IBAN. */
    PAYMENT_ORDERS("payment-orders.v1", false, Retention.PARTNERS),
    /** From the treasury. */
    PAYMENT_CONFIRMATIONS("payment-confirmations.v1", false, Retention.PARTNERS),
    /**
     * Version 2 of the payment orders and confirmations (amounts as decimal strings): written alongside version 1, each
     * order under the same id in both, for the overlap period (docs/partners.md, "How the contract changes").
     */
    PAYMENT_ORDERS_V2("payment-orders.v2", false, Retention.PARTNERS),
    PAYMENT_CONFIRMATIONS_V2("payment-confirmations.v2", false, Retention.PARTNERS),
    TRANSPORT_PASS_ORDERS("transport.pass-orders.v1", false, Retention.PARTNERS),
    TRANSPORT_PASS_CONFIRMATIONS("transport.pass-confirmations.v1", false, Retention.PARTNERS),
    /** Commands queued by the gateway while the benefit's service is unavailable. */
    INTAKE_AID("intake.aid.v1", false, Retention.INTAKE),
    INTAKE_SOLIDARITY("intake.solidarity.v1", false, Retention.INTAKE),
    INTAKE_TRANSPORT("intake.transport.v1", false, Retention.INTAKE),
    /**
     * The gateway's QUEUED state of every receipt it gave a queued command; key = receipt number. Each benefit's
     * service writes the later states of its receipts on its own topic below, which nobody else may write (issue #33:
     * any service's credentials rewrote another benefit's receipts).
     */
    RECEIPTS("receipts.v1", true, null),
    RECEIPTS_AID("receipts.aid.v1", true, null),
    RECEIPTS_SOLIDARITY("receipts.solidarity.v1", true, null),
    RECEIPTS_TRANSPORT("receipts.transport.v1", true, null),
    /** Every series of receipt numbers reserved by a counter for offline capture; key = the series prefix. */
    RECEIPT_SERIES("receipt-series.v1", true, null),
    /**
     * The head of each service's audit trail, kept outside its database, on a topic only that service writes (issue #33:
     * any of four services could write another's anchor); key = the trail.
     */
    AUDIT_ANCHORS_BENEFICIARY("audit-anchors.beneficiary.v1", true, null),
    AUDIT_ANCHORS_AID("audit-anchors.aid.v1", true, null),
    AUDIT_ANCHORS_SOLIDARITY("audit-anchors.solidarity.v1", true, null),
    AUDIT_ANCHORS_TRANSPORT("audit-anchors.transport.v1", true, null),
    /** The status board's messages and availability changes, shared by the gateway's instances; key = the service. */
    STATUS_BOARD("status-board.v1", false, Retention.STATUS_BOARD);

    /**
     * What a record's key is, on each topic: Kafka keeps the records of one key in order. {@code pattern} is what every
     * key matches (null: any string), the same as the key's schema in {@code docs/asyncapi.yaml}.
     */
    public enum Key {
        BENEFICIARY_ID("the beneficiary's registry id", "^" + Key.UUID + "$"),
        PSEUDONYM("the beneficiary's pseudonym for the readers of the topic", "^P-[0-9a-f]{32}$"),
        ANSWERED_ORDER("recommended: the key of the order answered; Guichet does not rely on it", null),
        BENEFICIARY_OR_RECEIPT("the beneficiary id the queued command names, else its receipt number",
                "^(" + Key.UUID + "|" + Key.RECEIPT + ")$"),
        RECEIPT_NUMBER("the receipt number", "^" + Key.RECEIPT + "$"),
        SERIES_PREFIX("the series' prefix, its numbers' first 7 characters", "^[0-9A-HJKMNP-TV-Z]{7}$"),
        TRAIL("the audit trail: <service>/<database>", "^[a-z-]+/[a-z]+$"),
        SERVICE("the service the entry is about, or * for the whole board", "^([a-z-]+|\\*)$");

        private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
        private static final String RECEIPT = "[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}";

        private final String description;
        private final String pattern;

        Key(String description, String pattern) {
            this.description = description;
            this.pattern = pattern;
        }

        public String description() {
            return description;
        }

        /** The regular expression every key matches; null when any string may be a key. */
        public String pattern() {
            return pattern;
        }
    }

    /** How long a record of a deleting (not compacted) topic is kept. */
    public static final class Retention {
        /**
         * A queued command must outlive the longest outage it may wait through: a captured application counts from its
         * reception time for two months (RM I/B art. 3), so its queue keeps three.
         */
        public static final Duration INTAKE = Duration.ofDays(90);
        /** What partners read: a month to replay from a date after their own outage. */
        public static final Duration PARTNERS = Duration.ofDays(30);
        /** A dead letter: a month to look at it and replay it. */
        public static final Duration DEAD_LETTERS = Duration.ofDays(30);
        /** The status board's history: a month of messages and incidents, what a new gateway instance reads at start. */
        public static final Duration STATUS_BOARD = Duration.ofDays(30);

        private Retention() {
        }
    }

    public static final int DEFAULT_PARTITIONS = 12;
    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private final String topicName;
    private final boolean compacted;
    private final Duration retention;

    Topic(String topicName, boolean compacted, Duration retention) {
        this.topicName = topicName;
        this.compacted = compacted;
        this.retention = retention;
    }

    public String topicName() {
        return topicName;
    }

    public boolean compacted() {
        return compacted;
    }

    /**
     * The topic's settings, the one source for the local run, the tests and the deployments: a compacted topic keeps
     * every key's latest record for ever; any other deletes records after its retention.
     */
    public Map<String, String> configs() {
        return compacted ? Map.of("cleanup.policy", "compact", "retention.ms", "-1")
                : Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(retention.toMillis()));
    }

    /** What its records' keys are. */
    public Key key() {
        return switch (this) {
            case BENEFICIARIES -> Key.BENEFICIARY_ID;
            case AID_EVENTS, SOLIDARITY_EVENTS, TRANSPORT_EVENTS, PAYMENT_ORDERS, PAYMENT_ORDERS_V2, TRANSPORT_PASS_ORDERS -> Key.PSEUDONYM;
            case PAYMENT_CONFIRMATIONS, PAYMENT_CONFIRMATIONS_V2, TRANSPORT_PASS_CONFIRMATIONS -> Key.ANSWERED_ORDER;
            case INTAKE_AID, INTAKE_SOLIDARITY, INTAKE_TRANSPORT -> Key.BENEFICIARY_OR_RECEIPT;
            case RECEIPTS, RECEIPTS_AID, RECEIPTS_SOLIDARITY, RECEIPTS_TRANSPORT -> Key.RECEIPT_NUMBER;
            case RECEIPT_SERIES -> Key.SERIES_PREFIX;
            case AUDIT_ANCHORS_BENEFICIARY, AUDIT_ANCHORS_AID, AUDIT_ANCHORS_SOLIDARITY, AUDIT_ANCHORS_TRANSPORT -> Key.TRAIL;
            case STATUS_BOARD -> Key.SERVICE;
        };
    }

    /** The settings of its dead-letter topic. */
    public static Map<String, String> deadLetterConfigs() {
        return Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(Retention.DEAD_LETTERS.toMillis()));
    }

    /** Where a consumer parks a record it could not process after bounded retries. */
    public String deadLetterTopicName() {
        return deadLetterTopicName(topicName);
    }

    public static String deadLetterTopicName(String topicName) {
        return topicName + DEAD_LETTER_SUFFIX;
    }

    /**
     * The event types ({@code ce_type}) a record of this topic carries, each with its schema in {@link EventSchemas}:
     * what {@code docs/asyncapi.yaml} lists as the topic's messages, and all the outbox lets a service write to it.
     */
    public Set<String> eventTypes() {
        return Index.EVENT_TYPES.get(this);
    }

    /** Every record read and every event written asks: computed once, not per record. */
    private static final class Index {
        static final Map<Topic, Set<String>> EVENT_TYPES = new EnumMap<>(Arrays.stream(values())
                .collect(Collectors.toMap(Function.identity(), Topic::declaredEventTypes)));
        static final Map<String, Topic> BY_NAME = Arrays.stream(values())
                .collect(Collectors.toUnmodifiableMap(Topic::topicName, Function.identity()));
    }

    private Set<String> declaredEventTypes() {
        return switch (this) {
            case BENEFICIARIES -> Set.of(BeneficiarySnapshot.TYPE);
            case AID_EVENTS -> types(AidApplicationEvent.Transition.values(), AidApplicationEvent::typeOf);
            case SOLIDARITY_EVENTS -> types(SolidarityEvent.Transition.values(), SolidarityEvent::typeOf);
            case TRANSPORT_EVENTS -> types(TransportEvent.Transition.values(), TransportEvent::typeOf);
            case PAYMENT_ORDERS -> Set.of(PaymentOrder.TYPE);
            case PAYMENT_CONFIRMATIONS -> Set.of(PaymentConfirmation.TYPE);
            case PAYMENT_ORDERS_V2 -> Set.of(PaymentOrderV2.TYPE);
            case PAYMENT_CONFIRMATIONS_V2 -> Set.of(PaymentConfirmation.TYPE_V2);
            case TRANSPORT_PASS_ORDERS -> Set.of(PassOrder.TYPE);
            case TRANSPORT_PASS_CONFIRMATIONS -> Set.of(PassConfirmation.TYPE);
            case INTAKE_AID, INTAKE_SOLIDARITY, INTAKE_TRANSPORT -> Set.of(QueuedCommand.TYPE);
            case RECEIPTS, RECEIPTS_AID, RECEIPTS_SOLIDARITY, RECEIPTS_TRANSPORT -> Set.of(ReceiptState.TYPE);
            case RECEIPT_SERIES -> Set.of(ReceiptSeries.TYPE);
            case AUDIT_ANCHORS_BENEFICIARY, AUDIT_ANCHORS_AID, AUDIT_ANCHORS_SOLIDARITY, AUDIT_ANCHORS_TRANSPORT -> Set.of(AuditAnchor.TYPE);
            case STATUS_BOARD -> Set.of(BoardEntry.TYPE);
        };
    }

    private static <T> Set<String> types(T[] transitions, Function<T, String> typeOf) {
        return Arrays.stream(transitions).map(typeOf).collect(Collectors.toUnmodifiableSet());
    }

    /** Where a benefit's service writes the states of its receipts: {@code aid} → {@code receipts.aid.v1}. */
    public static Topic receiptsOf(String benefit) {
        return byName("receipts." + benefit + ".v1")
                .orElseThrow(() -> new IllegalArgumentException("No receipts topic for the benefit " + benefit));
    }

    /** The benefit whose service alone writes this receipts topic; empty for the gateway's {@code receipts.v1}. */
    public Optional<String> receiptsBenefit() {
        return switch (this) {
            case RECEIPTS_AID -> Optional.of("aid");
            case RECEIPTS_SOLIDARITY -> Optional.of("solidarity");
            case RECEIPTS_TRANSPORT -> Optional.of("transport");
            default -> Optional.empty();
        };
    }

    /** Where a service's audit trail is anchored, by its database: {@code aid} → {@code audit-anchors.aid.v1}. */
    public static Optional<Topic> auditAnchorsOf(String database) {
        return byName("audit-anchors." + database + ".v1");
    }

    /**
     * What Kafka alone holds, no service's database: the commands queued during a benefit's outage and not yet applied,
     * the QUEUED states of their receipts, and the counters' receipt series (on which "a number is never given twice"
     * rests). A second cluster keeps a copy of these (MirrorMaker 2, {@code deploy/k8s/disaster-recovery}), and
     * {@code KafkaRestore} puts it back into a cluster that lost its data ({@code docs/restauration.md}).
     */
    public static List<Topic> heldOnlyByKafka() {
        return List.of(INTAKE_AID, INTAKE_SOLIDARITY, INTAKE_TRANSPORT, RECEIPTS, RECEIPT_SERIES);
    }

    /** {@link #heldOnlyByKafka()} as the regular expression MirrorMaker 2's {@code topics} setting takes. */
    public static String heldOnlyByKafkaPattern() {
        return heldOnlyByKafka().stream().map(t -> t.topicName().replace(".", "\\.")).collect(Collectors.joining("|"));
    }

    public static Optional<Topic> byName(String topicName) {
        return Optional.ofNullable(topicName == null ? null : Index.BY_NAME.get(topicName));
    }
}
