package fr.paris.casvp.guichet.messaging;

import fr.paris.casvp.guichet.contracts.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka as DESIGN.md wants it, for every service that depends on this module: the conventions of
 * {@link KafkaConventions}, every topic of {@link Topic} and its dead-letter topic declared, offsets committed after
 * each record, bounded retries then {@code <topic>.dlt} (counted in {@code guichet.messaging.dead.lettered}).
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MessagingAutoConfiguration.class);

    @Bean
    DefaultKafkaProducerFactoryCustomizer guichetProducerConventions() {
        return factory -> factory.updateConfigs(KafkaConventions.PRODUCER);
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer guichetConsumerConventions() {
        return factory -> factory.updateConfigs(KafkaConventions.CONSUMER);
    }

    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> guichetCommitAfterEachRecord() {
        return container -> container.getContainerProperties().setAckMode(AckMode.RECORD);
    }

    @Bean
    KafkaAdmin.NewTopics guichetTopics(MessagingProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            TopicBuilder builder = TopicBuilder.name(topic.topicName()).partitions(properties.partitions());
            if (topic.compacted()) {
                builder.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            }
            topics.add(builder.build());
            topics.add(TopicBuilder.name(topic.deadLetterTopicName()).partitions(properties.partitions()).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    CommonErrorHandler guichetDeadLetterErrorHandler(KafkaOperations<Object, Object> template,
                                                     MessagingProperties properties, MeterRegistry meters) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template, (record, exception) -> {
            meters.counter("guichet.messaging.dead.lettered", "topic", record.topic()).increment();
            log.error("Record {}-{}@{} sent to {} after {} attempts", record.topic(), record.partition(), record.offset(),
                    Topic.deadLetterTopicName(record.topic()), properties.deliveryAttempts(), exception);
            // Same partition: a dead-letter topic has as many partitions as its topic.
            return new TopicPartition(Topic.deadLetterTopicName(record.topic()), record.partition());
        });
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryBackoff().toMillis(), 2.0);
        backOff.setMaxAttempts(properties.deliveryAttempts() - 1);
        return new DefaultErrorHandler(recoverer, backOff);
    }
}
