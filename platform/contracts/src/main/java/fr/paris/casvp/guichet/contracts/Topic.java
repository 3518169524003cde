package fr.paris.casvp.guichet.contracts;

import fr.paris.casvp.guichet.contracts.audit.AuditAnchor;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.contracts.benefit.Benefit;
import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import fr.paris.casvp.guichet.contracts.intake.QueuedCommand;
import fr.paris.casvp.guichet.contracts.payment.PaymentConfirmation;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrder;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrderV2;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptSeries;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptState;
import fr.paris.casvp.guichet.contracts.status.BoardEntry;
import fr.paris.casvp.guichet.contracts.transport.PassConfirmation;
import fr.paris.casvp.guichet.contracts.transport.PassOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every Kafka topic of the suite ({@code v1} is the contract version). Topics are partitioned by beneficiary id so
 * that everything about one person stays in order.
 *
 * <p>The topics of the platform and of the partners are the constants below; each benefit declared in
 * {@link Benefits} has four of its own, named after its code: its events ({@code <code>.events.v1}), the commands the
 * gateway queued for it ({@code intake.<code>.v1}), the later states of its receipts ({@code receipts.<code>.v1}) and
 * its audit trail's anchors ({@code audit-anchors.<database>.v1}). {@link #values()} lists them all, once each: a topic
 * is one object, compared by identity.
 */
public final class Topic {

    /** Full snapshot of a beneficiary and household; key = beneficiary id, null value = erased. */
    public static final Topic BENEFICIARIES = new Topic("beneficiaries.v1", true, null, Key.BENEFICIARY_ID, null,
            Set.of(BeneficiarySnapshot.TYPE));
    /** To the treasury; the only topic that carries an IBAN. */
    public static final Topic PAYMENT_ORDERS = partners("payment-orders.v1", Key.PSEUDONYM, PaymentOrder.TYPE);
    /** From the treasury. */
    public static final Topic PAYMENT_CONFIRMATIONS = partners("payment-confirmations.v1", Key.ANSWERED_ORDER, PaymentConfirmation.TYPE);
    /**
     * Version 2 of the payment orders and confirmations (amounts as decimal strings): written alongside version 1, each
     * order under the same id in both, for the overlap period (docs/partners.md, "How the contract changes").
     */
    public static final Topic PAYMENT_ORDERS_V2 = partners("payment-orders.v2", Key.PSEUDONYM, PaymentOrderV2.TYPE);
    public static final Topic PAYMENT_CONFIRMATIONS_V2 = partners("payment-confirmations.v2", Key.ANSWERED_ORDER,
            PaymentConfirmation.TYPE_V2);
    /** To the transport operator. */
    public static final Topic TRANSPORT_PASS_ORDERS = partners("transport.pass-orders.v1", Key.PSEUDONYM, PassOrder.TYPE);
    /** From the transport operator. */
    public static final Topic TRANSPORT_PASS_CONFIRMATIONS = partners("transport.pass-confirmations.v1", Key.ANSWERED_ORDER,
            PassConfirmation.TYPE);
    /**
     * The gateway's QUEUED state of every receipt it gave a queued command; key = receipt number. Each benefit's
     * service writes the later states of its receipts on its own topic ({@link #receiptsOf}), which nobody else may
     * write (issue #33: any service's credentials rewrote another benefit's receipts).
     */
    public static final Topic RECEIPTS = new Topic("receipts.v1", true, null, Key.RECEIPT_NUMBER, null, Set.of(ReceiptState.TYPE));
    /** Every series of receipt numbers reserved by a counter for offline capture; key = the series prefix. */
    public static final Topic RECEIPT_SERIES = new Topic("receipt-series.v1", true, null, Key.SERIES_PREFIX, null,
            Set.of(ReceiptSeries.TYPE));
    /**
     * The head of the registry's audit trail, kept outside its database, on a topic only that service writes (issue
     * #33); each benefit's service has its own ({@link #auditAnchorsOf}). Key = the trail.
     */
    public static final Topic AUDIT_ANCHORS_BENEFICIARY = new Topic("audit-anchors.beneficiary.v1", true, null, Key.TRAIL, null,
            Set.of(AuditAnchor.TYPE));
    /** The status board's messages and availability changes, shared by the gateway's instances; key = the service. */
    public static final Topic STATUS_BOARD = new Topic("status-board.v1", false, Retention.STATUS_BOARD, Key.SERVICE, null,
            Set.of(BoardEntry.TYPE));

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
    private final Key key;
    private final String benefit;
    private final Set<String> eventTypes;

    private Topic(String topicName, boolean compacted, Duration retention, Key key, String benefit, Set<String> eventTypes) {
        this.topicName = topicName;
        this.compacted = compacted;
        this.retention = retention;
        this.key = key;
        this.benefit = benefit;
        this.eventTypes = Set.copyOf(eventTypes);
    }

    private static Topic partners(String topicName, Key key, String type) {
        return new Topic(topicName, false, Retention.PARTNERS, key, null, Set.of(type));
    }

    /**
     * Every topic, in a fixed order: the registry's, the benefits' events, the partners', the queues, the receipts, the
     * series, the anchors, the status board.
     */
    public static List<Topic> values() {
        return Index.ALL;
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
        return key;
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
     * what {@code docs/asyncapi.yaml} lists as the topic's messages, and all the outbox lets a service write to it. A
     * benefit's events are the types of {@link EventSchemas} that start with its declared prefix.
     */
    public Set<String> eventTypes() {
        return eventTypes;
    }

    /** The benefit whose service alone writes this topic (its events, receipts, anchors) or reads it (its queue). */
    public Optional<String> benefit() {
        return Optional.ofNullable(benefit);
    }

    /** Its name, as Kafka knows it. */
    @Override
    public String toString() {
        return topicName;
    }

    /** Every record read and every event written asks: computed once, not per record. */
    private static final class Index {
        static final List<Topic> ALL = all();
        static final Map<String, Topic> BY_NAME = ALL.stream()
                .collect(Collectors.toUnmodifiableMap(Topic::topicName, Function.identity()));

        private static List<Topic> all() {
            List<Benefit> benefits = Benefits.all();
            List<Topic> all = new ArrayList<>(List.of(BENEFICIARIES));
            benefits.forEach(b -> all.add(new Topic(b.code() + ".events.v1", false, Retention.PARTNERS, Key.PSEUDONYM, b.code(),
                    EventSchemas.types().stream().filter(type -> type.startsWith(b.eventTypePrefix())).collect(Collectors.toSet()))));
            all.addAll(List.of(PAYMENT_ORDERS, PAYMENT_CONFIRMATIONS, PAYMENT_ORDERS_V2, PAYMENT_CONFIRMATIONS_V2, TRANSPORT_PASS_ORDERS,
                    TRANSPORT_PASS_CONFIRMATIONS));
            benefits.forEach(b -> all.add(new Topic("intake." + b.code() + ".v1", false, Retention.INTAKE, Key.BENEFICIARY_OR_RECEIPT,
                    b.code(), Set.of(QueuedCommand.TYPE))));
            all.add(RECEIPTS);
            benefits.forEach(b -> all.add(new Topic("receipts." + b.code() + ".v1", true, null, Key.RECEIPT_NUMBER, b.code(),
                    Set.of(ReceiptState.TYPE))));
            all.add(RECEIPT_SERIES);
            all.add(AUDIT_ANCHORS_BENEFICIARY);
            benefits.forEach(b -> all.add(new Topic("audit-anchors." + b.database() + ".v1", true, null, Key.TRAIL, b.code(),
                    Set.of(AuditAnchor.TYPE))));
            all.add(STATUS_BOARD);
            return List.copyOf(all);
        }
    }

    /** Where a benefit publishes its events: {@code aid} → {@code aid.events.v1}. */
    public static Topic eventsOf(String benefit) {
        return required(benefit + ".events.v1", benefit);
    }

    /** Where the gateway queues a benefit's commands while its service cannot answer: {@code intake.aid.v1}. */
    public static Topic intakeOf(String benefit) {
        return required("intake." + benefit + ".v1", benefit);
    }

    /** Where a benefit's service writes the states of its receipts: {@code aid} → {@code receipts.aid.v1}. */
    public static Topic receiptsOf(String benefit) {
        return required("receipts." + benefit + ".v1", benefit);
    }

    private static Topic required(String name, String benefit) {
        return byName(name).filter(topic -> topic.benefit != null)
                .orElseThrow(() -> new IllegalArgumentException("No topic " + name + ": " + benefit + " is not a declared benefit"));
    }

    /** The benefit whose service alone writes this receipts topic; empty for the gateway's {@code receipts.v1}. */
    public Optional<String> receiptsBenefit() {
        return topicName.startsWith("receipts.") ? benefit() : Optional.empty();
    }

    /**
     * The names of the topics that say where receipts stand: the gateway's QUEUED states, then each benefit's states of
     * its own receipts (what the gateway's receipt book reads).
     */
    public static List<String> receiptStateNames() {
        List<String> names = new ArrayList<>(List.of(RECEIPTS.topicName()));
        Benefits.codes().forEach(code -> names.add(receiptsOf(code).topicName()));
        return List.copyOf(names);
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
        List<Topic> held = new ArrayList<>(Benefits.codes().stream().map(Topic::intakeOf).toList());
        held.add(RECEIPTS);
        held.add(RECEIPT_SERIES);
        return List.copyOf(held);
    }

    /** {@link #heldOnlyByKafka()} as the regular expression MirrorMaker 2's {@code topics} setting takes. */
    public static String heldOnlyByKafkaPattern() {
        return heldOnlyByKafka().stream().map(t -> t.topicName().replace(".", "\\.")).collect(Collectors.joining("|"));
    }

    public static Optional<Topic> byName(String topicName) {
        return Optional.ofNullable(topicName == null ? null : Index.BY_NAME.get(topicName));
    }
}
