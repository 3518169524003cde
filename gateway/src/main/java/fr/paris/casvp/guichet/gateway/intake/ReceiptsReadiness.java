package fr.paris.casvp.guichet.gateway.intake;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Part of the gateway's readiness ({@code receipts}): an instance takes requests once it has read the receipts' topics
 * up to where the topic ended when it first looked (its {@link ReceiptBook}'s consumer group has committed that far),
 * so that a receipt asked of a new instance is not "unknown" for a moment. When Kafka does not answer, or the reading
 * takes longer than {@code guichet.receipts.readiness-timeout} (60 s), it is ready anyway and answers from what it has
 * read: a gateway is never kept out of service by Kafka, the synchronous routes work without it.
 */
@Component("receipts")
public class ReceiptsReadiness implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(ReceiptsReadiness.class);

    private final KafkaListenerEndpointRegistry listeners;
    private final AdminClient kafka;
    private final long deadlineNanos;
    private final Duration timeout;
    private volatile Map<TopicPartition, Long> targets;
    private volatile boolean caughtUp;

    public ReceiptsReadiness(KafkaListenerEndpointRegistry listeners, KafkaAdmin admin,
                      @Value("${guichet.receipts.readiness-timeout:60s}") Duration timeout) {
        this.listeners = listeners;
        Map<String, Object> config = new HashMap<>(admin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        this.kafka = AdminClient.create(config);
        this.timeout = timeout;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    }

    @PreDestroy
    void close() {
        kafka.close(Duration.ofSeconds(1));
    }

    @Override
    public Health health() {
        if (caughtUp) {
            return Health.up().build();
        }
        long behind;
        try {
            behind = behind();
        } catch (Exception e) {
            return pastDeadline() ? Health.up().withDetail("receipts", "not read: Kafka does not answer").build()
                    : Health.down().withDetail("receipts", "reading the receipts: " + e.getMessage()).build();
        }
        if (behind == 0) {
            caughtUp = true;
            log.info("The receipts read up to where their topics ended at start: ready");
            return Health.up().build();
        }
        return pastDeadline() ? Health.up().withDetail("receipts", behind + " still to read after " + timeout).build()
                : Health.down().withDetail("receipts", behind + " still to read").build();
    }

    /** How many offsets the receipts' consumer group still has to pass to reach the targets. */
    private long behind() throws Exception {
        if (targets == null) {
            targets = ends();
        }
        MessageListenerContainer container = listeners.getListenerContainer("gateway.receipts");
        if (container == null || container.getGroupId() == null) {
            throw new IllegalStateException("the receipts' listener has not started");
        }
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(container.getGroupId())
                .partitionsToOffsetAndMetadata().get(3, TimeUnit.SECONDS);
        long behind = 0;
        for (Map.Entry<TopicPartition, Long> target : targets.entrySet()) {
            OffsetAndMetadata at = committed.get(target.getKey());
            behind += Math.max(0, target.getValue() - (at == null ? 0 : at.offset()));
        }
        return behind;
    }

    /**
     * Where each partition of the receipts' topics (the gateway's and each benefit's) ends now; a partition with nothing
     * left to read (empty) is not waited for.
     */
    private Map<TopicPartition, Long> ends() throws Exception {
        List<String> topics = ReceiptBook.TOPICS;
        List<TopicPartition> partitions = kafka.describeTopics(topics).allTopicNames().get(3, TimeUnit.SECONDS).values().stream()
                .flatMap(description -> description.partitions().stream()
                        .map(p -> new TopicPartition(description.name(), p.partition())))
                .toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        partitions.forEach(p -> {
            latest.put(p, OffsetSpec.latest());
            earliest.put(p, OffsetSpec.earliest());
        });
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = kafka.listOffsets(latest).all().get(3, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = kafka.listOffsets(earliest).all().get(3, TimeUnit.SECONDS);
        Map<TopicPartition, Long> targets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            long end = ends.get(partition).offset();
            if (end > starts.get(partition).offset()) {
                targets.put(partition, end);
            }
        }
        return targets;
    }

    private boolean pastDeadline() {
        return System.nanoTime() - deadlineNanos >= 0;
    }
}
