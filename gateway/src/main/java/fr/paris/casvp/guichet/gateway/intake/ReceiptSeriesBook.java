package fr.paris.casvp.guichet.gateway.intake;

import fr.paris.casvp.guichet.contracts.CloudEventHeaders;
import fr.paris.casvp.guichet.contracts.Hmac;
import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.intake.QueuedCommand;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptNumber;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptSeries;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The series of receipt numbers reserved by the counters for offline capture ({@link ReceiptSeries}). A prefix is
 * never given twice: every series ever reserved is read back from the compacted {@code receipt-series.v1} at each start,
 * and a new one is drawn until it is unknown, then written there (acks=all) before it is handed out. What the counter
 * receives is signed (HMAC-SHA256 under a key derived from {@code GUICHET_RECEIPT_KEY}): when it sends a captured
 * command back with its series, any instance of the gateway checks the series without waiting to have read the topic.
 */
@Component
public class ReceiptSeriesBook {

    private static final Logger log = LoggerFactory.getLogger(ReceiptSeriesBook.class);
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final Map<String, ReceiptSeries> reserved = new ConcurrentHashMap<>();
    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final Clock clock;
    private final Hmac signing;

    private final Duration kept;

    /**
     * @param kept how long a series' numbers may be typed in or sent after it was reserved (issue #33: series were kept
     *             for ever): older series are not held, and their numbers are refused as unknown
     */
    ReceiptSeriesBook(KafkaTemplate<String, String> kafka, JsonMapper json, Clock clock,
                      @Value("${guichet.receipt-key:}") String receiptKey,
                      @Value("${guichet.offline.series-kept:400d}") Duration kept) {
        this.kafka = kafka;
        this.json = json;
        this.clock = clock;
        this.kept = kept;
        this.signing = Hmac.of(receiptKey, "GUICHET_RECEIPT_KEY").derive("receipt-series");
    }

    @KafkaListener(id = "gateway.receipt-series", groupId = "gateway-receipt-series-${random.uuid}",
            topics = "receipt-series.v1", properties = "auto.offset.reset=earliest")
    void on(ConsumerRecord<String, String> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        try {
            ReceiptSeries series = json.readValue(record.value(), ReceiptSeries.class);
            if (series.reservedAt().isAfter(clock.instant().minus(kept))) {
                reserved.put(series.prefix(), series);
            }
        } catch (RuntimeException e) {
            log.warn("Receipt series {} unreadable, ignored: {}", record.key(), e.toString());
        }
    }

    /**
     * Reserves a new series for the agent's section, for a counter or for paper forms; fails when Kafka cannot record it
     * (nothing is handed out).
     */
    public ReceiptSeries reserve(QueuedCommand.QueuedAgent agent, int size, boolean paper) throws Exception {
        Instant now = clock.instant();
        String prefix;
        do {
            prefix = ReceiptNumber.seriesPrefix();
        } while (reserved.containsKey(prefix));
        ReceiptSeries series = ReceiptSeries.drawn(prefix, size, agent.section(), agent.username(), now, paper);
        ProducerRecord<String, String> record = new ProducerRecord<>(Topic.RECEIPT_SERIES.topicName(), prefix,
                json.writeValueAsString(series));
        record.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, ReceiptSeries.TYPE.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SOURCE, "/guichet/gateway".getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SUBJECT, ("receipt-series/" + prefix).getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TIME, now.toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get();
        reserved.put(prefix, series);
        log.info("Receipt series {} ({} numbers) reserved for section {} by {}", prefix, size, agent.section(), agent.username());
        return series;
    }

    /** A series reserved by any counter, as read from the topic, within {@code kept}: how a paper form's number is checked. */
    public Optional<ReceiptSeries> known(String prefix) {
        return Optional.ofNullable(prefix == null ? null : reserved.get(prefix)).filter(this::live);
    }

    private boolean live(ReceiptSeries series) {
        return series.reservedAt().isAfter(clock.instant().minus(kept));
    }

    /** What the counter keeps and sends back: the series as JSON, a dot, its signature. */
    public String token(ReceiptSeries series) {
        String payload = BASE64.encodeToString(json.writeValueAsBytes(series));
        return payload + "." + BASE64.encodeToString(signing.bytes(payload));
    }

    /** The series a token names, when the gateway signed it; empty for anything else. */
    public Optional<ReceiptSeries> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(signature, signing.bytes(payload))) {
            return Optional.empty();
        }
        return Optional.of(json.readValue(Base64.getUrlDecoder().decode(payload), ReceiptSeries.class)).filter(this::live);
    }
}
