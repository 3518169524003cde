package fr.paris.casvp.guichet.gateway.status;

import fr.paris.casvp.guichet.contracts.CloudEventHeaders;
import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.status.BoardEntry;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the gateway's instances show alike on the status board: the supervisors' messages and the history of incidents,
 * written to {@code status-board.v1} and read back from its beginning (a month) by every instance at start, then as
 * they come. A change of availability is seen by every instance that polls the service: only the first to be read
 * counts as an incident, the others (the same change, seen a little later) are not repeated.
 *
 * <p>When Kafka cannot take it: a message is refused (the supervisor is told), an incident is kept by this instance
 * only.
 */
@Component
class SharedBoard {

    private static final Logger log = LoggerFactory.getLogger(SharedBoard.class);
    static final int HISTORY = 500;
    private static final int REMEMBERED_IDS = 10_000;
    /** Two instances see the same change within a few polls of each other. */
    private static final Duration SAME_CHANGE = Duration.ofSeconds(15);

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final ExecutorService publisher = Executors.newSingleThreadExecutor(r -> new Thread(r, "status-board"));
    private final Map<String, String> messages = new HashMap<>();
    /** Each service's availability as the board last told it (not this instance's own observation). */
    private final Map<String, String> told = new HashMap<>();
    private final Map<String, Instant> toldAt = new HashMap<>();
    private final List<ServiceHealthMonitor.Incident> incidents = new ArrayList<>();
    private final Set<UUID> applied = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    });

    SharedBoard(KafkaTemplate<String, String> kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    @KafkaListener(id = "gateway.status-board", groupId = "gateway-status-board-${random.uuid}", topics = "status-board.v1",
            properties = "auto.offset.reset=earliest")
    void on(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        try {
            apply(json.readValue(record.value(), BoardEntry.class));
        } catch (RuntimeException e) {
            log.warn("Status board entry {} unreadable, ignored: {}", record.key(), e.toString());
        }
    }

    /**
     * Writes a supervisor's message for every instance, and shows it here at once. Blocks up to 3 s: not on the web
     * server's threads.
     *
     * @throws IllegalStateException when Kafka does not take it within 3 s: the message is not shown anywhere
     */
    void message(BoardEntry entry) {
        try {
            send(entry);
        } catch (Exception e) {
            throw new IllegalStateException("The message could not be recorded: " + e.getMessage(), e);
        }
        apply(entry);
    }

    /**
     * Tells every instance a service's availability as this instance now sees it, when the board says otherwise; kept
     * here alone when Kafka cannot take it.
     */
    void availability(String service, String now, Instant at) {
        BoardEntry entry;
        synchronized (this) {
            String previous = told.get(service);
            if (now.equals(previous)) {
                return; // Another instance told it already.
            }
            entry = BoardEntry.availability(service, previous, now, at);
        }
        apply(entry);
        // Off the caller's thread (the board is read on the web server's): Kafka may take seconds to refuse.
        publisher.execute(() -> {
            try {
                send(entry);
            } catch (Exception e) {
                log.warn("Status board: {} {} -> {} not shared (Kafka): {}", service, entry.from(), now, e.toString());
            }
        });
    }

    @PreDestroy
    void stop() {
        publisher.shutdown();
    }

    private void send(BoardEntry entry) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topic.STATUS_BOARD.topicName(), entry.service(),
                json.writeValueAsString(entry));
        header(record, CloudEventHeaders.ID, entry.id().toString());
        header(record, CloudEventHeaders.TYPE, BoardEntry.TYPE);
        header(record, CloudEventHeaders.SOURCE, "/guichet/gateway");
        header(record, CloudEventHeaders.SUBJECT, "status/" + entry.service());
        header(record, CloudEventHeaders.TIME, entry.at().toString());
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        kafka.send(record).get(3, TimeUnit.SECONDS);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    synchronized void apply(BoardEntry entry) {
        if (!applied.add(entry.id())) {
            return;
        }
        if (entry.kind() == BoardEntry.Kind.MESSAGE) {
            String text = entry.message() == null ? "" : entry.message().strip();
            if (text.isEmpty()) {
                messages.remove(entry.service());
            } else {
                messages.put(entry.service(), text);
            }
            remember(new ServiceHealthMonitor.Incident(entry.at(), entry.service(), null, null, text + " (" + entry.author() + ")"));
            return;
        }
        Instant last = toldAt.get(entry.service());
        if (last == null || !entry.at().isBefore(last)) {
            String before = told.put(entry.service(), entry.to());
            toldAt.put(entry.service(), entry.at());
            if (entry.to().equals(before)) {
                return; // The same change, seen by another instance too.
            }
        } else if (incidents.stream().anyMatch(i -> i.service().equals(entry.service()) && entry.to().equals(i.to())
                && Duration.between(i.at(), entry.at()).abs().compareTo(SAME_CHANGE) <= 0)) {
            return; // An older change, read after a later one (another partition), already in the history.
        }
        if (entry.from() != null) {
            remember(new ServiceHealthMonitor.Incident(entry.at(), entry.service(), entry.from(), entry.to(), null));
        }
    }

    private void remember(ServiceHealthMonitor.Incident incident) {
        incidents.add(incident);
        incidents.sort(Comparator.comparing(ServiceHealthMonitor.Incident::at).reversed());
        while (incidents.size() > HISTORY) {
            incidents.remove(incidents.size() - 1);
        }
    }

    synchronized String message(String service) {
        return messages.get(service);
    }

    /** The latest first, {@value #HISTORY} at most. */
    synchronized List<ServiceHealthMonitor.Incident> incidents() {
        return List.copyOf(incidents);
    }
}
