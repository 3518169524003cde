package fr.paris.casvp.guichet.partners;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One partner's loop, as docs/partners.md tells a partner to write it: read the orders in its own consumer group, answer
 * each one with the CloudEvents headers, and commit the orders' offsets only once the broker has acknowledged the
 * answers (at least once: after a crash an order is answered again, under the same {@code ce_id}).
 */
final class Responder implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Responder.class);
    private static final int KEPT_ANSWERS = 100;

    private final Partner partner;
    private final Map<String, Object> kafka;
    private final JsonMapper json;
    private final Clock clock;
    private final Deque<ObjectNode> latest = new ConcurrentLinkedDeque<>();
    private volatile boolean assigned;
    private volatile KafkaConsumer<String, String> consumer;

    /** @param kafka the client settings of the partner's principal (bootstrap servers, SASL) */
    Responder(Partner partner, Map<String, Object> kafka, JsonMapper json, Clock clock) {
        this.partner = partner;
        this.kafka = Map.copyOf(kafka);
        this.json = json;
        this.clock = clock;
    }

    /** True once the broker has given it its partitions: it answers what comes. */
    boolean ready() {
        return assigned;
    }

    /** Its latest answers, newest first. */
    List<ObjectNode> latest() {
        return List.copyOf(latest);
    }

    Partner partner() {
        return partner;
    }

    @Override
    public void run() {
        Map<String, Object> consumerSettings = new HashMap<>(kafka);
        consumerSettings.put(ConsumerConfig.GROUP_ID_CONFIG, partner.route().principal());
        consumerSettings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerSettings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Guichet writes through transactions nowhere, but a partner reads only what is committed all the same.
        consumerSettings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Object> producerSettings = new HashMap<>(kafka);
        producerSettings.put(ProducerConfig.ACKS_CONFIG, "all");
        producerSettings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaConsumer<String, String> orders = new KafkaConsumer<>(consumerSettings, new StringDeserializer(), new StringDeserializer());
             KafkaProducer<String, String> answers = new KafkaProducer<>(producerSettings, new StringSerializer(), new StringSerializer())) {
            consumer = orders;
            orders.subscribe(List.of(partner.route().orders()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    assigned = true;
                    log.info("{} reads {} ({} partitions)", partner.route().principal(), partner.route().orders(), partitions.size());
                }
            });
            while (!Thread.currentThread().isInterrupted()) {
                List<Future<?>> sent = new ArrayList<>();
                for (ConsumerRecord<String, String> order : orders.poll(Duration.ofSeconds(1))) {
                    ProducerRecord<String, String> answer = answer(order);
                    if (answer != null) {
                        sent.add(answers.send(answer));
                    }
                }
                if (!sent.isEmpty()) {
                    for (Future<?> send : sent) {
                        send.get();
                    }
                }
                orders.commitSync();
            }
        } catch (WakeupException stopping) {
            log.info("{} stops", partner.route().principal());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.error("{} stopped on an error", partner.route().principal(), e);
        }
    }

    /** Stops the loop from another thread. */
    void stop() {
        KafkaConsumer<String, String> running = consumer;
        if (running != null) {
            running.wakeup();
        }
    }

    /** The answer to an order, with its headers; null for a record that cannot be answered (logged). */
    ProducerRecord<String, String> answer(ConsumerRecord<String, String> order) {
        JsonNode value;
        try {
            value = order.value() == null ? null : json.readTree(order.value());
        } catch (JacksonException e) {
            value = null;
        }
        ObjectNode answer = value == null ? null : partner.answer(value, clock.instant());
        if (answer == null) {
            log.warn("{}: record {}-{}@{} is not an order it can answer", partner.route().principal(), order.topic(), order.partition(),
                    order.offset());
            return null;
        }
        Instant now = clock.instant();
        String orderId = answer.get("orderId").asString();
        // The same key as the order's (the beneficiary's pseudonym): the answers of one person stay in order.
        ProducerRecord<String, String> record = new ProducerRecord<>(partner.route().answers(), order.key(), json.writeValueAsString(answer));
        header(record, "ce_id", UUID.nameUUIDFromBytes((partner.route().principal() + ":" + orderId).getBytes(StandardCharsets.UTF_8)).toString());
        header(record, "ce_type", partner.route().answerType());
        header(record, "ce_source", "/partners/" + partner.route().principal());
        header(record, "ce_time", now.toString());
        header(record, "ce_subject", "orders/" + orderId);
        header(record, "ce_specversion", "1.0");
        header(record, "content-type", "application/json");
        // W3C Trace Context, passed on as a partner may (docs/partners.md): Guichet's trace of the order goes on with
        // the answer's processing.
        Header trace = order.headers().lastHeader("traceparent");
        if (trace != null) {
            record.headers().add("traceparent", trace.value());
        }
        latest.addFirst(answer);
        while (latest.size() > KEPT_ANSWERS) {
            latest.pollLast();
        }
        log.info("{} answers order {}: {}", partner.route().principal(), orderId, answer.get("status").asString());
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
