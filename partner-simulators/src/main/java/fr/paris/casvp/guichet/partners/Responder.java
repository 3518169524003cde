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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
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
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final Partner partner;
    private final Map<String, Object> kafka;
    private final JsonMapper json;
    private final Clock clock;
    private final Deque<ObjectNode> latest = new ConcurrentLinkedDeque<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
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

    /**
     * Answers until {@link #stop()}. A session that fails (the broker away longer than the client waits, the group left
     * after a slow answer, a send not acknowledged) is closed and opened again after a pause, from the group's committed
     * offsets: what was read but not committed is answered again, under the same {@code ce_id}. Meanwhile the partner
     * is not {@link #ready()}.
     */
    @Override
    public void run() {
        Duration pause = FIRST_PAUSE;
        while (!stopping.get()) {
            try {
                serve();
            } catch (WakeupException wokenUp) {
                break;
            } catch (InterruptException | InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                if (stopping.get()) {
                    break;
                }
                if (assigned) {
                    pause = FIRST_PAUSE;
                }
                log.warn("{} lost its session ({}); it reads again in {} from its group's committed offsets",
                        partner.route().principal(), e.toString(), pause);
                if (pausedUntilStopped(pause)) {
                    break;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            } finally {
                assigned = false;
            }
        }
        log.info("{} stops", partner.route().principal());
    }

    /** One session: a consumer and a producer, answering until stopped or until a client fails. */
    private void serve() throws Exception {
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
            if (stopping.get()) {
                return;
            }
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
            while (!stopping.get()) {
                ConsumerRecords<String, String> read = orders.poll(Duration.ofSeconds(1));
                if (read.isEmpty()) {
                    // Nothing to commit: no call to the broker that could wait for it while it is away.
                    continue;
                }
                List<Future<?>> sent = new ArrayList<>();
                for (ConsumerRecord<String, String> order : read) {
                    ProducerRecord<String, String> answer = answer(order);
                    if (answer != null) {
                        sent.add(answers.send(answer));
                    }
                }
                for (Future<?> send : sent) {
                    send.get();
                }
                orders.commitSync();
            }
        } finally {
            consumer = null;
        }
    }

    /** True when stopped during the pause. */
    private boolean pausedUntilStopped(Duration pause) {
        try {
            return stopped.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Stops the loop from another thread. */
    void stop() {
        stopping.set(true);
        stopped.countDown();
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
