package fr.paris.casvp.guichet.intake;

import fr.paris.casvp.guichet.audit.AuditTrail;
import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.intake.CommandSignatures;
import fr.paris.casvp.guichet.contracts.intake.SealedBodies;
import fr.paris.casvp.guichet.messaging.MessagingAutoConfiguration;
import fr.paris.casvp.guichet.messaging.ModuleSchema;
import fr.paris.casvp.guichet.messaging.consumer.InboundRecords;
import fr.paris.casvp.guichet.messaging.consumer.RejectedRecordException;
import fr.paris.casvp.guichet.messaging.receipt.Receipts;
import fr.paris.casvp.guichet.web.Failures;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
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
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enabled by {@code guichet.intake.topic} (e.g. {@code intake.aid.v1}): drains the commands the gateway queued while the
 * service was down ({@link IntakeConsumer}), lists the ones refused on replay ({@link RejectedCommandController}).
 */
@AutoConfiguration(afterName = {"fr.paris.casvp.guichet.audit.AuditAutoConfiguration",
        "fr.paris.casvp.guichet.messaging.MessagingAutoConfiguration"})
@ConditionalOnProperty(name = "guichet.intake.topic")
public class IntakeAutoConfiguration {

    /**
     * The gateway's public keys, {@code name:base64,...} ({@code GUICHET_INTAKE_TRUSTED_KEYS}), and the keys that open
     * the bodies the gateway sealed for this service ({@code GUICHET_INTAKE_SEALING_KEYS}): without them the service
     * does not start, since it could apply no queued command.
     */
    @Bean
    IntakeConsumer intakeConsumer(List<IntakeHandler> handlers, AuditTrail trail, Receipts receipts, RejectedCommandStore rejected,
                                  ReceiptClaims claims, TransactionTemplate transactions, JsonMapper json, Clock clock, MeterRegistry meters,
                                  @Value("${guichet.intake.topic}") String topic,
                                  @Value("${guichet.intake.trusted-keys:${GUICHET_INTAKE_TRUSTED_KEYS:}}") String trustedKeys,
                                  @Value("${guichet.intake.sealing.keys:${GUICHET_INTAKE_SEALING_KEYS:}}") String sealingKeys) {
        Map<String, PublicKey> keys = CommandSignatures.trustedKeys(trustedKeys);
        if (keys.isEmpty()) {
            throw new IllegalStateException("No key to check the gateway's signature on queued commands: set "
                    + "GUICHET_INTAKE_TRUSTED_KEYS (name:base64 X.509 Ed25519 public key, comma-separated while rotating)");
        }
        Map<String, RSAPrivateKey> openingKeys = SealedBodies.privateKeys(sealingKeys);
        if (openingKeys.isEmpty()) {
            throw new IllegalStateException("No key to open the bodies of queued commands: set GUICHET_INTAKE_SEALING_KEYS "
                    + "(name:base64 PKCS#8 RSA private key, comma-separated while rotating)");
        }
        // The benefit's counters from the start, at 0 (intake.<benefit>.v1): a new instance exports them before any replay.
        String benefit = topic.replaceFirst("^intake\\.", "").replaceFirst("\\.v\\d+$", "");
        for (String outcome : List.of("applied", "rejected", "duplicate", "conflict", "forged", "unreadable")) {
            meters.counter("guichet.intake.commands", "benefit", benefit, "outcome", outcome);
        }
        return new IntakeConsumer(handlers, trail, receipts, rejected, claims, transactions, json, clock, keys, openingKeys, meters);
    }

    /** Which queued command each receipt number belongs to; its table is migrated with the refused commands'. */
    @Bean
    ReceiptClaims receiptClaims(RejectedCommandStore migrated, JdbcClient jdbc) {
        return new ReceiptClaims(jdbc);
    }

    /** The store of refused commands; its table is migrated by this module. */
    @Bean
    RejectedCommandStore rejectedCommands(ModuleSchema schema, JdbcClient jdbc, JsonMapper json) {
        schema.migrate("intake");
        return new RejectedCommandStore(jdbc, json);
    }

    @Bean
    RejectedCommandService rejectedCommandService(RejectedCommandStore rejected, Clock clock) {
        return new RejectedCommandService(rejected, clock);
    }

    @Bean
    RejectedCommandController rejectedCommandController(RejectedCommandService rejected) {
        return new RejectedCommandController(rejected);
    }

    /**
     * Offsets committed after each command. A failure because the service cannot work (its database) is retried without
     * end (backoff up to 30 s): a queued command waits for the database. Any other failure that is not a refusal (a
     * defect) is retried 4 times, then the command is REJECTED on its receipt ({@link IntakeConsumer#rejectAfterFailures})
     * and the partition moves on. Only a record that cannot be read at all goes to {@code <topic>.dlt}.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, String> guichetIntakeContainerFactory(
            ConsumerFactory<String, String> consumers, KafkaOperations<Object, Object> template,
            ObjectProvider<IntakeConsumer> intake, @Value("${guichet.intake.concurrency:4}") int concurrency,
            @Value("${guichet.intake.defect-attempts:5}") int defectAttempts) {
        ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        // Several partitions drained at once (order holds per partition, that is per beneficiary).
        factory.setConcurrency(concurrency);
        factory.getContainerProperties().setAckMode(AckMode.RECORD);
        // A queued command is applied in a span that continues the trace of the counter's request the gateway queued.
        factory.getContainerProperties().setObservationEnabled(true);
        // A record that is not a queued command of the contract is refused before the intake reads it.
        factory.setRecordInterceptor(new InboundRecords<>());
        // <topic>.dlt, as every other consumer's (deploy/kafka/access.yaml lets the service write it): Spring's default,
        // <topic>-dlt, is a topic nobody declared nor may write.
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(Topic.deadLetterTopicName(record.topic()), record.partition()));
        deadLetters.setHeadersFunction((record, failure) -> MessagingAutoConfiguration.rejectionHeaders(failure));
        DefaultErrorHandler errors = new DefaultErrorHandler((record, failure) -> {
            @SuppressWarnings("unchecked")
            ConsumerRecord<String, String> command = (ConsumerRecord<String, String>) record;
            // A record refused as not a command of the contract may be anyone's: it rejects no receipt, it is parked.
            boolean refused = MessagingAutoConfiguration.rejectionHeaders(failure).lastHeader(RejectedRecordException.REASON_HEADER) != null;
            if (refused || !intake.getObject().rejectAfterFailures(command, failure)) {
                deadLetters.accept(record, failure);
            }
        }, new FixedBackOff(1_000, defectAttempts - 1));
        errors.setBackOffFunction((record, failure) -> {
            if (Failures.classify(failure) != Failures.Kind.UNAVAILABLE) {
                return null; // the handler's own: bounded
            }
            ExponentialBackOff untilItWorks = new ExponentialBackOff(500, 2.0);
            untilItWorks.setMaxInterval(30_000);
            return untilItWorks;
        });
        errors.addNotRetryableExceptions(tools.jackson.core.JacksonException.class, IllegalArgumentException.class,
                RejectedRecordException.class);
        factory.setCommonErrorHandler(errors);
        return factory;
    }
}
