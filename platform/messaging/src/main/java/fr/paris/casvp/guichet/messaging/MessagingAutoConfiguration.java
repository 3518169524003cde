package fr.paris.casvp.guichet.messaging;

import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.benefit.Benefit;
import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptChecks;
import fr.paris.casvp.guichet.messaging.command.CommandCaller;
import fr.paris.casvp.guichet.messaging.command.IdempotentCommands;
import fr.paris.casvp.guichet.messaging.command.JsonCommand;
import fr.paris.casvp.guichet.messaging.consumer.DeadLetterDepth;
import fr.paris.casvp.guichet.messaging.consumer.DeadLetterEndpoint;
import fr.paris.casvp.guichet.messaging.consumer.DeadLetterReplayer;
import fr.paris.casvp.guichet.messaging.consumer.IdempotentConsumer;
import fr.paris.casvp.guichet.messaging.consumer.InboundRecords;
import fr.paris.casvp.guichet.messaging.consumer.ParkedRecords;
import fr.paris.casvp.guichet.messaging.consumer.ParkedRecordsEndpoint;
import fr.paris.casvp.guichet.messaging.consumer.RejectedRecordException;
import fr.paris.casvp.guichet.messaging.job.JobLocks;
import fr.paris.casvp.guichet.messaging.outbox.Outbox;
import fr.paris.casvp.guichet.messaging.outbox.OutboxEndpoint;
import fr.paris.casvp.guichet.messaging.outbox.OutboxProperties;
import fr.paris.casvp.guichet.messaging.outbox.OutboxRelay;
import fr.paris.casvp.guichet.messaging.outbox.OutboxTracing;
import fr.paris.casvp.guichet.messaging.partner.Pseudonyms;
import fr.paris.casvp.guichet.messaging.partner.UnansweredOrders;
import fr.paris.casvp.guichet.messaging.partner.UnansweredOrdersEndpoint;
import fr.paris.casvp.guichet.messaging.partner.WaitingOrders;
import fr.paris.casvp.guichet.messaging.receipt.Receipts;
import fr.paris.casvp.guichet.messaging.replica.BeneficiaryReplica;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka as the README's architecture rules want it, for every service that depends on this module: the conventions of
 * {@link KafkaConventions}, every topic of {@link Topic} and its dead-letter topic declared, offsets committed after
 * each batch of records read, bounded retries then {@code <topic>.dlt} (counted in {@code guichet.messaging.dead.lettered}) and a way
 * to replay them, the idempotent consumer, and (with {@code guichet.messaging.outbox.enabled}) the outbox.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class, after = {DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, JdbcClientAutoConfiguration.class,
        TransactionAutoConfiguration.class}, afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@EnableConfigurationProperties({MessagingProperties.class, OutboxProperties.class})
public class MessagingAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MessagingAutoConfiguration.class);

    @Bean
    DefaultKafkaProducerFactoryCustomizer guichetProducerConventions() {
        return factory -> factory.updateConfigs(KafkaConventions.PRODUCER);
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer guichetConsumerConventions(@Value("${spring.application.name}") String applicationName) {
        return factory -> {
            factory.updateConfigs(KafkaConventions.CONSUMER);
            // One consumer group per service unless a listener names its own.
            if (!factory.getConfigurationProperties().containsKey(ConsumerConfig.GROUP_ID_CONFIG)) {
                factory.updateConfigs(Map.of(ConsumerConfig.GROUP_ID_CONFIG, applicationName));
            }
        };
    }

    /**
     * Offsets committed after each batch of records a poll gave, not after each record: a commit is a round trip to the
     * broker, and one a record held a service to about a hundred records a second, five times fewer than in batches (a
     * monthly run's payment answers, which every service ordering payments reads: docs/benchmarks.md). After a crash
     * the batch's records are read again, which every listener here takes once ({@code IdempotentConsumer}, the
     * replica's versions, the notices' event ids).
     * The retries, the dead letters and the intake's commands (its own factory, a commit per command) are unchanged.
     * Every record is checked against the contract before its listener ({@link InboundRecords}).
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> guichetListenerConventions() {
        return container -> {
            container.getContainerProperties().setAckMode(AckMode.BATCH);
            // Each record read in a span that continues the trace of its writer (the traceparent header).
            container.getContainerProperties().setObservationEnabled(true);
            container.setRecordInterceptor(new InboundRecords<>());
        };
    }

    @Bean
    KafkaAdmin.NewTopics guichetTopics(MessagingProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            topics.add(TopicBuilder.name(topic.topicName()).partitions(properties.partitions()).configs(topic.configs()).build());
            topics.add(TopicBuilder.name(topic.deadLetterTopicName()).partitions(properties.partitions())
                    .configs(Topic.deadLetterConfigs()).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    CommonErrorHandler guichetDeadLetterErrorHandler(KafkaOperations<Object, Object> template,
                                                     MessagingProperties properties, MeterRegistry meters) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template, (record, exception) -> {
            meters.counter("guichet.messaging.dead.lettered", "topic", record.topic()).increment();
            Header refused = rejectionHeaders(exception).lastHeader(RejectedRecordException.REASON_HEADER);
            if (refused != null) {
                log.warn("Record {}-{}@{} refused, sent to {}: {}", record.topic(), record.partition(), record.offset(),
                        Topic.deadLetterTopicName(record.topic()), new String(refused.value(), StandardCharsets.UTF_8));
            } else {
                log.error("Record {}-{}@{} sent to {} after {} attempts", record.topic(), record.partition(), record.offset(),
                        Topic.deadLetterTopicName(record.topic()), properties.deliveryAttempts(), exception);
            }
            // Same partition: a dead-letter topic has as many partitions as its topic.
            return new TopicPartition(Topic.deadLetterTopicName(record.topic()), record.partition());
        });
        // A refused record says why, for whoever wrote it.
        recoverer.setHeadersFunction((record, exception) -> rejectionHeaders(exception));
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryBackoff().toMillis(), 2.0);
        backOff.setMaxAttempts(properties.deliveryAttempts() - 1);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        // Retrying cannot make a record follow the contract, nor give it the event id it lacks.
        handler.addNotRetryableExceptions(RejectedRecordException.class);
        return handler;
    }

    /** The {@value RejectedRecordException#REASON_HEADER} header of a record refused for what it is; none otherwise. */
    public static Headers rejectionHeaders(Throwable exception) {
        RecordHeaders headers = new RecordHeaders();
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof RejectedRecordException rejected) {
                headers.add(RejectedRecordException.REASON_HEADER, rejected.reason().getBytes(StandardCharsets.UTF_8));
                break;
            }
        }
        return headers;
    }

    /**
     * Migrates the platform modules' tables, as the database's owner when {@code spring.flyway.user} names one; with
     * {@code guichet.migrations=validate}, only checks them.
     */
    @Bean
    ModuleSchema moduleSchema(DataSource dataSource, Environment environment) {
        return new ModuleSchema(dataSource, environment.getProperty("spring.flyway.url", environment.getProperty("spring.datasource.url", "")),
                environment.getProperty("spring.flyway.user"), environment.getProperty("spring.flyway.password"),
                Migrations.mode(environment));
    }

    /**
     * Once every bean is made, the modules this start migrated are the ones {@code guichet.migrations.modules} lists, in
     * that order: what a deployment's migrations-only run applies ({@link Migrations}) is what the service needs.
     */
    @Bean
    SmartInitializingSingleton declaredModuleMigrations(ModuleSchema schema, Environment environment) {
        return () -> {
            List<String> declared = Migrations.declaredModules(environment);
            if (!declared.equals(schema.migrated())) {
                throw new IllegalStateException("guichet.migrations.modules lists " + declared + " but this service migrates "
                        + schema.migrated() + ": list the second, in that order");
            }
        };
    }

    /**
     * {@code guichet.migrations=validate}: the service's own migrations are checked, never applied (a deployment applies
     * them before, {@link Migrations}).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy")
    @ConditionalOnProperty(name = "guichet.migrations", havingValue = "validate")
    static class ValidatedMigrations {

        @Bean
        FlywayMigrationStrategy validateOnly() {
            return Flyway::validate;
        }
    }

    /** Scheduled jobs once per period across the service's instances (ShedLock on the service's database). */
    @Bean
    JobLocks jobLocks(ModuleSchema schema, DataSource dataSource, Clock clock) {
        schema.migrate("job-lock");
        return new JobLocks(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build()), clock);
    }

    @Bean
    IdempotentConsumer idempotentConsumer(ModuleSchema schema, JdbcClient jdbc, TransactionTemplate transactions,
                                          @Value("${guichet.messaging.processed-event-retention:180d}") Duration retention) {
        schema.migrate("idempotent-consumer");
        return new IdempotentConsumer(jdbc, transactions, retention);
    }

    @Bean
    ParkedRecords parkedRecords(ModuleSchema schema, JdbcClient jdbc, MeterRegistry meters, KafkaOperations<String, String> kafka,
                                @Value("${spring.application.name}") String applicationName) {
        schema.migrate("parked-record");
        return new ParkedRecords(jdbc, meters, kafka, applicationName);
    }

    @Bean
    ParkedRecordsEndpoint parkedRecordsEndpoint(ParkedRecords parked) {
        return new ParkedRecordsEndpoint(parked);
    }

    /** For a service that waits on partners' answers (it declares {@link WaitingOrders}): those overdue, watched. */
    @Bean
    @ConditionalOnBean(WaitingOrders.class)
    UnansweredOrders unansweredOrders(List<WaitingOrders> partners, Environment environment, JdbcClient jdbc, Clock clock,
                                      MeterRegistry meters) {
        return new UnansweredOrders(partners, partner -> environment.getProperty("guichet.partners.answer-time." + partner,
                Duration.class, UnansweredOrders.DEFAULT_ANSWER_TIME), jdbc, clock, meters);
    }

    @Bean
    @ConditionalOnBean(UnansweredOrders.class)
    UnansweredOrdersEndpoint unansweredOrdersEndpoint(UnansweredOrders orders) {
        return new UnansweredOrdersEndpoint(orders);
    }

    @Bean
    IdempotentCommands idempotentCommands(ModuleSchema schema, JdbcClient jdbc, TransactionTemplate transactions,
                                          @Value("${guichet.messaging.idempotency-retention:90d}") Duration retention,
                                          ObjectProvider<CommandCaller> caller) {
        schema.migrate("idempotent-command");
        return new IdempotentCommands(jdbc, transactions, retention, caller.getIfAvailable(() -> () -> ""));
    }

    @Bean
    @ConditionalOnProperty(name = "guichet.messaging.outbox.enabled", havingValue = "true")
    @ConditionalOnBean(JsonMapper.class)
    Receipts receipts(Outbox outbox, JsonMapper json, Environment environment, ObjectProvider<ObservationRegistry> observations,
                      MeterRegistry meters, ObjectProvider<BeneficiaryReplica> replica) {
        // A service that publishes receipts declares guichet.receipt-key (from GUICHET_RECEIPT_KEY): then it must be set.
        String key = environment.getProperty("guichet.receipt-key");
        String service = environment.getProperty("spring.application.name", "");
        String benefit = Benefits.all().stream().filter(b -> b.service().equals(service)).map(Benefit::code).findFirst().orElse(null);
        return new Receipts(outbox, json, key == null ? null : new ReceiptChecks(key),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP), meters, benefit,
                id -> Optional.ofNullable(replica.getIfAvailable())
                        .flatMap(r -> r.find(id)).map(b -> b.situation().identity().birthDate()));
    }

    /** For a service that publishes events to partners: their pseudonymous beneficiary ids. */
    @Bean
    @ConditionalOnProperty(name = "guichet.messaging.partner-events", havingValue = "true")
    Pseudonyms pseudonyms(@Value("${guichet.pseudonym-key:}") String key) {
        return new Pseudonyms(key);
    }

    @Bean
    @ConditionalOnBean(JsonMapper.class)
    JsonCommand jsonCommand(IdempotentCommands commands, JsonMapper json) {
        return new JsonCommand(commands, json);
    }

    @Bean
    DeadLetterReplayer deadLetterReplayer(ConsumerFactory<String, String> consumers, KafkaListenerEndpointRegistry listeners,
                                          @Value("${spring.application.name}") String applicationName) {
        return new DeadLetterReplayer(consumers, listeners, applicationName);
    }

    /** The dead letters waiting, per topic, as a metric (counted in the background). */
    @Bean
    DeadLetterDepth deadLetterDepth(DeadLetterReplayer replayer, MeterRegistry meters,
                                    @Value("${guichet.messaging.dead-letter-count-interval:60s}") Duration interval) {
        return new DeadLetterDepth(replayer, meters, interval);
    }

    @Bean
    DeadLetterEndpoint deadLetterEndpoint(DeadLetterReplayer replayer) {
        return new DeadLetterEndpoint(replayer);
    }

    @Bean
    @ConditionalOnProperty(name = "guichet.messaging.outbox.enabled", havingValue = "true")
    OutboxRelay outboxRelay(ModuleSchema schema, JdbcClient jdbc, TransactionTemplate transactions,
                            KafkaOperations<String, String> kafka, OutboxProperties properties, MeterRegistry meters,
                            OutboxTracing tracing) {
        schema.migrate("outbox");
        return new OutboxRelay(jdbc, transactions, kafka, properties, meters, tracing);
    }

    /** The trace of a change, carried by its events (none without a tracer). */
    @Bean
    @ConditionalOnProperty(name = "guichet.messaging.outbox.enabled", havingValue = "true")
    OutboxTracing outboxTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer available = tracer.getIfAvailable();
        Propagator propagation = propagator.getIfAvailable();
        return available == null || propagation == null ? OutboxTracing.NONE : new OutboxTracing(available, propagation);
    }

    @Bean
    @ConditionalOnProperty(name = "guichet.messaging.outbox.enabled", havingValue = "true")
    OutboxEndpoint outboxEndpoint(OutboxRelay relay) {
        return new OutboxEndpoint(relay);
    }

    @Bean
    @ConditionalOnProperty(name = "guichet.messaging.outbox.enabled", havingValue = "true")
    Outbox outbox(JdbcTemplate jdbc, OutboxRelay relay, OutboxTracing tracing,
                  @Value("${spring.application.name}") String applicationName) {
        return new Outbox(jdbc, "/guichet/" + applicationName, relay, tracing);
    }
}
