package fr.paris.casvp.guichet.gateway.intake;

import fr.paris.casvp.guichet.contracts.CloudEventHeaders;
import fr.paris.casvp.guichet.contracts.intake.CommandSignatures;
import fr.paris.casvp.guichet.contracts.intake.QueuedCommand;
import fr.paris.casvp.guichet.contracts.intake.SealedBodies;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptChecks;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptNumber;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Degraded intake (issue #8): a command to a benefit whose service cannot answer is written durably to
 * {@code intake.<benefit>.v1} (idempotent producer, acks=all), with the agent and the reception time, and given a
 * receipt (QUEUED on {@code receipts.v1}, with the command's key). The same idempotency key queued again, through any
 * instance of the gateway that has read that receipt, gets the same receipt (a counter that retried); the service
 * applies a key once anyway. Every command is signed with the gateway's
 * key ({@link CommandSignatures}): the services apply nothing else; its body is sealed for the services
 * ({@link SealedBodies}).
 */
@Component
public class Intake {

    private static final Logger log = LoggerFactory.getLogger(Intake.class);
    private static final Pattern BENEFICIARY_ID = Pattern.compile("\"beneficiaryId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    private final KafkaTemplate<String, String> kafka;
    private final ReceiptBook receipts;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final QueuedCommandTracing tracing;
    private final String signingKeyId;
    private final PrivateKey signingKey;
    private final ReceiptChecks checks;
    private final String sealingKeyId;
    private final RSAPublicKey sealingKey;

    /**
     * @param signingKeyId the name the services know the key by ({@code GUICHET_INTAKE_SIGNING_KEY_ID})
     * @param signingKey   the gateway's Ed25519 private key, base64 PKCS#8 ({@code GUICHET_INTAKE_SIGNING_KEY}); the
     *                     gateway does not start without it
     * @param sealingKeyId the name of the services' key the bodies are sealed for ({@code GUICHET_INTAKE_SEALING_KEY_ID})
     * @param sealingKey   its public half, base64 X.509 RSA ({@code GUICHET_INTAKE_SEALING_PUBLIC_KEY}): what the agent
     *                     typed (an IBAN, a person's circumstances) lies on the topic sealed ({@link SealedBodies})
     */
    Intake(KafkaTemplate<String, String> kafka, ReceiptBook receipts, JsonMapper json, Clock clock, MeterRegistry meters,
           QueuedCommandTracing tracing,
           @Value("${guichet.intake.signing.key-id:${GUICHET_INTAKE_SIGNING_KEY_ID:}}") String signingKeyId,
           @Value("${guichet.intake.signing.private-key:${GUICHET_INTAKE_SIGNING_KEY:}}") String signingKey,
           @Value("${guichet.receipt-key:}") String receiptKey,
           @Value("${guichet.intake.sealing.key-id:${GUICHET_INTAKE_SEALING_KEY_ID:}}") String sealingKeyId,
           @Value("${guichet.intake.sealing.public-key:${GUICHET_INTAKE_SEALING_PUBLIC_KEY:}}") String sealingKey) {
        if (signingKeyId.isBlank() || signingKey.isBlank()) {
            throw new IllegalStateException("No key to sign queued commands: set GUICHET_INTAKE_SIGNING_KEY_ID and "
                    + "GUICHET_INTAKE_SIGNING_KEY (base64 PKCS#8 Ed25519 private key)");
        }
        if (sealingKeyId.isBlank() || sealingKey.isBlank()) {
            throw new IllegalStateException("No key to seal the bodies of queued commands: set GUICHET_INTAKE_SEALING_KEY_ID and "
                    + "GUICHET_INTAKE_SEALING_PUBLIC_KEY (base64 X.509 RSA public key)");
        }
        this.kafka = kafka;
        this.receipts = receipts;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        this.tracing = tracing;
        this.signingKeyId = signingKeyId;
        this.signingKey = CommandSignatures.privateKey(signingKey);
        this.checks = new ReceiptChecks(receiptKey);
        this.sealingKeyId = sealingKeyId;
        this.sealingKey = SealedBodies.publicKey(sealingKey);
    }

    /** Queues the command; fails (the Mono errors) when Kafka cannot take it: the counter must capture offline. */
    public Mono<ReceiptState> queue(String benefit, String method, String path, UUID idempotencyKey, String body,
                                    QueuedCommand.QueuedAgent agent, LocalDate birthDate) {
        return queue(benefit, method, path, idempotencyKey, body, agent, null, null, birthDate);
    }

    /**
     * Queues a command that a counter captured while the server side could not be reached, under the receipt number it
     * printed then (from a series reserved beforehand) and with the time it was received at the counter.
     */
    public Mono<ReceiptState> queueCaptured(String benefit, String path, UUID idempotencyKey, String body,
                                            QueuedCommand.QueuedAgent agent, String receiptNumber, Instant receivedAt,
                                            LocalDate birthDate) {
        return queue(benefit, "POST", path, idempotencyKey, body, agent, receiptNumber, receivedAt, birthDate);
    }

    /**
     * @param birthDate the person's, as the counter read it from their file (null when not given): the QUEUED receipt
     *                  carries its check, so that the person can follow it on the public page before the service has
     *                  applied it (the service writes its own check then)
     */
    private Mono<ReceiptState> queue(String benefit, String method, String path, UUID idempotencyKey, String body,
                                     QueuedCommand.QueuedAgent agent, String receiptNumber, Instant receivedAt,
                                     LocalDate birthDate) {
        Optional<ReceiptState> already = receipts.queuedFor(idempotencyKey);
        if (already.isPresent()) {
            return Mono.just(already.get());
        }
        return Mono.fromCallable(() -> send(benefit, method, path, idempotencyKey, body, agent, receiptNumber, receivedAt, birthDate))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private ReceiptState send(String benefit, String method, String path, UUID key, String body,
                              QueuedCommand.QueuedAgent agent, String capturedNumber, Instant capturedAt,
                              LocalDate birthDate) throws Exception {
        Instant now = clock.instant();
        String number = capturedNumber != null ? capturedNumber : ReceiptNumber.next();
        Instant receivedAt = capturedAt != null ? capturedAt : now;
        QueuedCommand command = new QueuedCommand(number, benefit, key, method, path,
                body == null ? null : SealedBodies.seal(sealingKey, sealingKeyId, body), agent, receivedAt);
        Matcher beneficiary = BENEFICIARY_ID.matcher(body == null ? "" : body);
        String recordKey = beneficiary.find() ? beneficiary.group(1).toLowerCase() : number;
        String value = json.writeValueAsString(command);
        ProducerRecord<String, String> record = new ProducerRecord<>("intake." + benefit + ".v1", recordKey, value);
        headers(record, QueuedCommand.TYPE, "intake/" + number, now);
        record.headers().add(CommandSignatures.KEY_ID_HEADER, signingKeyId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CommandSignatures.SIGNATURE_HEADER,
                CommandSignatures.sign(signingKey, value).getBytes(StandardCharsets.UTF_8));
        Span span = tracing.sending(record);
        try {
            kafka.send(record).get();
        } catch (Exception e) {
            if (span != null) {
                span.error(e);
            }
            throw e;
        } finally {
            if (span != null) {
                span.end();
            }
        }
        ReceiptState queued = new ReceiptState(number, benefit, ReceiptState.QUEUED, receivedAt, null, null, agent.section(),
                List.of(), birthDate == null ? null : checks.of(number, birthDate), now, key);
        ProducerRecord<String, String> receipt = new ProducerRecord<>("receipts.v1", number, json.writeValueAsString(queued));
        headers(receipt, ReceiptState.TYPE, "receipts/" + number, now);
        try {
            kafka.send(receipt).get();
        } catch (Exception e) {
            // The command is durable: the receipt will be published by the service when it applies it.
            log.warn("Receipt {} queued, but its QUEUED state could not be published: {}", number, e.toString());
        }
        receipts.put(queued);
        // Counted with the filings made online (FilingCounter): guichet_applications_total{benefit, channel}.
        meters.counter("guichet.applications", "benefit", benefit, "channel", capturedNumber != null ? "offline" : "queued").increment();
        log.info("{} {} queued on intake.{}.v1 with receipt {} for {}", method, path, benefit, number, agent.username());
        return queued;
    }

    private static void headers(ProducerRecord<String, String> record, String type, String subject, Instant time) {
        record.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SOURCE, "/guichet/gateway".getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SUBJECT, subject.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TIME, time.toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
    }
}
