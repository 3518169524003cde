package fr.paris.casvp.guichet.messaging.consumer;

import fr.paris.casvp.guichet.contracts.Topic;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * How many of this service's dead letters wait to be replayed, per topic: {@code guichet_messaging_dead_letters_pending
 * {topic}}, what {@code GET /actuator/deadletters} lists. Counting means reading the dead-letter topics, so it is done
 * in the background every {@code interval}, never during a scrape (which must answer at once, Kafka down or not); while
 * Kafka cannot be read, the last count stays.
 */
public class DeadLetterDepth implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDepth.class);

    private final DeadLetterReplayer replayer;
    private final MeterRegistry meters;
    private final Duration interval;
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    private ScheduledExecutorService executor;

    public DeadLetterDepth(DeadLetterReplayer replayer, MeterRegistry meters, Duration interval) {
        this.replayer = replayer;
        this.meters = meters;
        this.interval = interval;
        // Every topic of the contract from the start (0 until counted), so that a dashboard shows them all.
        for (Topic topic : Topic.values()) {
            register(topic.topicName());
        }
    }

    private void register(String topic) {
        pending.putIfAbsent(topic, 0L);
        Gauge.builder("guichet.messaging.dead.letters.pending", () -> pending.getOrDefault(topic, 0L))
                .description("This service's dead letters of the topic not replayed yet")
                .tag("topic", topic).register(meters);
    }

    /** Counts the dead letters now (done every interval in the background). */
    public void refresh() {
        try {
            Map<String, Long> now = replayer.pending();
            for (String topic : now.keySet()) {
                if (!pending.containsKey(topic)) {
                    register(topic);
                }
            }
            pending.replaceAll((topic, count) -> now.getOrDefault(topic, 0L));
        } catch (RuntimeException e) {
            log.debug("Dead letters not counted this time: {}", e.toString());
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dead-letter-depth");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::refresh, 10_000, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
