package fr.paris.casvp.guichet.intake;

import fr.paris.casvp.guichet.audit.AuditTrail;
import fr.paris.casvp.guichet.messaging.ModuleSchema;
import fr.paris.casvp.guichet.messaging.receipt.Receipts;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enabled by {@code guichet.intake.topic} (e.g. {@code intake.aid.v1}): drains the commands the gateway queued while the
 * service was down ({@link IntakeConsumer}), lists the ones refused on replay ({@link RejectedCommandController}).
 */
@AutoConfiguration(afterName = {"fr.paris.casvp.guichet.audit.AuditAutoConfiguration",
        "fr.paris.casvp.guichet.messaging.MessagingAutoConfiguration"})
@ConditionalOnProperty(name = "guichet.intake.topic")
public class IntakeAutoConfiguration {

    @Bean
    IntakeConsumer intakeConsumer(List<IntakeHandler> handlers, AuditTrail trail, Receipts receipts, DataSource dataSource,
                                  JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock) {
        ModuleSchema.migrate(dataSource, "intake");
        return new IntakeConsumer(handlers, trail, receipts, jdbc, transactions, json, clock);
    }

    @Bean
    RejectedCommandController rejectedCommandController(JdbcClient jdbc, JsonMapper json, Clock clock) {
        return new RejectedCommandController(jdbc, json, clock);
    }

    /**
     * Offsets committed after each command; a failure that is not a refusal is retried without end (backoff up to 30 s):
     * a queued command waits for the database rather than being dead-lettered. Only a record that cannot be read at all
     * goes to {@code <topic>.dlt}.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, String> guichetIntakeContainerFactory(ConsumerFactory<String, String> consumers,
                                                                                          KafkaOperations<Object, Object> template,
                                                                                          @Value("${guichet.intake.concurrency:4}") int concurrency) {
        ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        // Several partitions drained at once (order holds per partition, that is per beneficiary).
        factory.setConcurrency(concurrency);
        factory.getContainerProperties().setAckMode(AckMode.RECORD);
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler errors = new DefaultErrorHandler(new DeadLetterPublishingRecoverer(template), backOff);
        errors.addNotRetryableExceptions(tools.jackson.core.JacksonException.class, IllegalArgumentException.class);
        factory.setCommonErrorHandler(errors);
        return factory;
    }
}
