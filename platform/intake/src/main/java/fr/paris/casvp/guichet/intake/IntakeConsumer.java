package fr.paris.casvp.guichet.intake;

import fr.paris.casvp.guichet.audit.AuditTrail;
import fr.paris.casvp.guichet.contracts.ProblemTypes;
import fr.paris.casvp.guichet.contracts.Refusal;
import fr.paris.casvp.guichet.contracts.intake.CommandSignatures;
import fr.paris.casvp.guichet.contracts.intake.QueuedCommand;
import fr.paris.casvp.guichet.contracts.intake.SealedBodies;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptState;
import fr.paris.casvp.guichet.messaging.command.IdempotentCommands;
import fr.paris.casvp.guichet.messaging.consumer.RejectedRecordException;
import fr.paris.casvp.guichet.messaging.receipt.Receipts;
import fr.paris.casvp.guichet.web.Agent;
import fr.paris.casvp.guichet.web.Failures;
import fr.paris.casvp.guichet.web.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drains the benefit's intake topic ({@code guichet.intake.topic}): the commands the gateway queued while this service
 * could not answer, in order per beneficiary (the record key). Each is applied as the agent who sent it (their identity,
 * roles and section, from the queued command), by the {@link IntakeHandler} of its path, with its idempotency key: a
 * command the service had in fact applied before the gateway's time-out is not applied twice. A command refused on replay
 * is never dropped: its receipt becomes REJECTED with the reasons, and it waits in {@code rejected_command} for its
 * section. A failure that is not a refusal (the database down) is retried, without end, with a backoff.
 *
 * <p>Only what the gateway signed is applied ({@link CommandSignatures}): a record without a valid signature by one of
 * the trusted keys changes nothing — no receipt, no rejected command, whatever number, agent or section it names — and
 * goes to the dead-letter topic with the reason (issue #33: a forger with a Kafka password rewrote a genuine receipt).
 * The body, sealed by the gateway for this service ({@link SealedBodies}), is opened before anything else reads it.
 *
 * <p>One receipt number is one application ({@link ReceiptClaims}): a second command under a number another command
 * holds is dropped when it is the same request, and sent to the dead letters when it is another application; neither
 * touches the receipt.
 */
public class IntakeConsumer {

    private static final Logger log = LoggerFactory.getLogger(IntakeConsumer.class);

    private final List<IntakeHandler> handlers;
    private final AuditTrail trail;
    private final Receipts receipts;
    private final RejectedCommandStore rejected;
    private final ReceiptClaims claims;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, PublicKey> trustedKeys;
    private final Map<String, RSAPrivateKey> openingKeys;
    /** {@code guichet_intake_commands_total{benefit, outcome}}: queued commands applied, or rejected on replay. */
    private final MeterRegistry meters;

    public IntakeConsumer(List<IntakeHandler> handlers, AuditTrail trail, Receipts receipts, RejectedCommandStore rejected,
                          ReceiptClaims claims, TransactionTemplate transactions, JsonMapper json, Clock clock, Map<String, PublicKey> trustedKeys,
                          Map<String, RSAPrivateKey> openingKeys,
                          MeterRegistry meters) {
        this.meters = meters;
        this.handlers = handlers;
        this.trail = trail;
        this.receipts = receipts;
        this.rejected = rejected;
        this.claims = claims;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.trustedKeys = Map.copyOf(trustedKeys);
        this.openingKeys = Map.copyOf(openingKeys);
    }

    @KafkaListener(id = "${spring.application.name}.intake", topics = "${guichet.intake.topic}",
            containerFactory = "guichetIntakeContainerFactory")
    public void on(ConsumerRecord<String, String> record) {
        // Nothing of a record the gateway did not sign is believed, not even the receipt number or the section it names:
        // it changes nothing but the dead-letter topic (the container's recoverer), where an operator finds it.
        Optional<String> unsigned = signatureProblem(record);
        if (unsigned.isPresent()) {
            meters.counter("guichet.intake.commands", "benefit", benefitOf(record.topic()), "outcome", "forged").increment();
            log.warn("Record {}-{}@{} not applied: not signed by the gateway ({}); sent to the dead letters, nothing changed",
                    record.topic(), record.partition(), record.offset(), unsigned.get());
            throw new RejectedRecordException(record.topic() + "-" + record.partition() + "@" + record.offset(),
                    List.of("not signed by the gateway: " + unsigned.get()));
        }
        QueuedCommand command = opened(record, json.readValue(record.value(), QueuedCommand.class));
        if (command.agent() == null || command.receiptNumber() == null || command.idempotencyKey() == null) {
            throw new IllegalArgumentException("A queued command needs its agent, receipt number and idempotency key");
        }
        // One receipt number, one application: a second command under a number another one holds changes nothing.
        ReceiptClaims.Claim claim = claims.claim(command);
        if (claim == ReceiptClaims.Claim.DUPLICATE) {
            meters.counter("guichet.intake.commands", "benefit", command.benefit(), "outcome", "duplicate").increment();
            log.info("Queued command {} {} (receipt {}) is the application already queued under that number: nothing to do",
                    command.method(), command.path(), command.receiptNumber());
            return;
        }
        if (claim == ReceiptClaims.Claim.CONFLICT) {
            meters.counter("guichet.intake.commands", "benefit", command.benefit(), "outcome", "conflict").increment();
            log.error("Queued command {} {} (receipt {}) is another application under a number already used: sent to the dead "
                    + "letters, the receipt's own application untouched", command.method(), command.path(), command.receiptNumber());
            throw new RejectedRecordException(record.topic() + "-" + record.partition() + "@" + record.offset(),
                    List.of("receipt " + command.receiptNumber() + " already belongs to another application"));
        }
        Agent agent = new Agent(command.agent().username(), Set.copyOf(command.agent().roles()), command.agent().section());
        String operation = command.method() + " " + command.path() + " (queued)";
        SecurityContextHolder.getContext().setAuthentication(authentication(command));
        try {
            IntakeHandler handler = handlers.stream().filter(h -> h.handles(command.method(), command.path())).findFirst()
                    .orElse(null);
            if (handler == null) {
                reject(command, agent, 422, Map.of("title", "Not accepted offline",
                        "detail", "This command cannot be queued while the service is down: send it again once it is back."));
                return;
            }
            IdempotentCommands.Outcome outcome = handler.apply(command, agent);
            if (outcome.replayed()) {
                alias(command, outcome);
            }
            trail.record(agent, operation, command.benefit(), outcome.locationIfAny()
                    .map(location -> location.substring(location.lastIndexOf('/') + 1)).orElse(command.receiptNumber()), outcome.status());
            meters.counter("guichet.intake.commands", "benefit", command.benefit(), "outcome", "applied").increment();
            log.info("Queued command {} {} (receipt {}) applied: {}", command.method(), command.path(), command.receiptNumber(),
                    outcome.status());
        } catch (ErrorResponseException | Refusal refusal) {
            ErrorResponseException refused = refusal instanceof Refusal r ? ProblemException.of(r) : (ErrorResponseException) refusal;
            ProblemDetail problem = refused.getBody();
            Map<String, Object> body = json.convertValue(problem, Map.class);
            reject(command, agent, refused.getStatusCode().value(), body);
            trail.record(agent, operation, command.benefit(), command.receiptNumber(), refused.getStatusCode().value());
        } catch (RuntimeException failure) {
            if (Failures.classify(failure) != Failures.Kind.UNSTORABLE_INPUT) {
                // Unavailable: retried until the service can work again. A defect: retried a few times, then rejected
                // (rejectAfterFailures); the partition moves on either way once it is decided.
                throw failure;
            }
            reject(command, agent, 400, Map.of("type", ProblemTypes.VALIDATION.toString(), "title", "Invalid request",
                    "status", 400, "detail", "Une valeur de la demande ne peut pas être enregistrée (trop longue, hors limites "
                            + "ou avec un caractère non admis) : la saisir à nouveau."));
            trail.record(agent, operation, command.benefit(), command.receiptNumber(), 400);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * The command with its body opened (the gateway sealed it for this service); a body this service's keys cannot open
     * changes nothing and goes to the dead letters, like a forged record.
     */
    private QueuedCommand opened(ConsumerRecord<String, String> record, QueuedCommand command) {
        try {
            return command.withBody(SealedBodies.open(openingKeys, command.body()));
        } catch (IllegalArgumentException unreadable) {
            meters.counter("guichet.intake.commands", "benefit", benefitOf(record.topic()), "outcome", "unreadable").increment();
            log.error("Record {}-{}@{} not applied: its body {}; sent to the dead letters, nothing changed", record.topic(),
                    record.partition(), record.offset(), unreadable.getMessage());
            throw new RejectedRecordException(record.topic() + "-" + record.partition() + "@" + record.offset(),
                    List.of("body " + unreadable.getMessage()));
        }
    }

    /** The benefit of an intake topic: {@code intake.aid.v1} → {@code aid}. */
    private static String benefitOf(String topic) {
        String[] parts = topic.split("\\.");
        return parts.length >= 2 ? parts[1] : topic;
    }

    /** Why the record is not the gateway's signed command, if it is not. */
    private Optional<String> signatureProblem(ConsumerRecord<String, String> record) {
        Header keyId = record.headers().lastHeader(CommandSignatures.KEY_ID_HEADER);
        Header signature = record.headers().lastHeader(CommandSignatures.SIGNATURE_HEADER);
        if (keyId == null || signature == null) {
            return Optional.of("signature absente");
        }
        PublicKey key = trustedKeys.get(new String(keyId.value(), StandardCharsets.UTF_8));
        if (key == null) {
            return Optional.of("clé de signature inconnue");
        }
        return CommandSignatures.verify(key, record.value(), new String(signature.value(), StandardCharsets.UTF_8))
                ? Optional.empty() : Optional.of("signature invalide");
    }

    /**
     * The service had in fact applied the command before the gateway gave up waiting (its time-out), under another
     * receipt: the queued receipt says where the application is, rather than staying QUEUED.
     */
    private void alias(QueuedCommand command, IdempotentCommands.Outcome outcome) {
        FiledApplication applied = json.readerFor(FiledApplication.Summary.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(outcome.body());
        String original = applied.receipt() == null ? null : applied.receipt().number();
        if (original == null || original.equals(command.receiptNumber())) {
            return;
        }
        transactions.executeWithoutResult(tx -> receipts.publish(new ReceiptState(command.receiptNumber(), command.benefit(),
                applied.receipt().status(), applied.receipt().receivedAt(), applied.id(), applied.number(), applied.section(),
                List.of("Demande déjà enregistrée sous le récépissé " + original), null, clock.instant())));
        log.info("Queued command {} {} (receipt {}) had been applied before, under receipt {}", command.method(), command.path(),
                command.receiptNumber(), original);
    }

    /**
     * The last resort for a queued command that failed for a reason that does not heal (a defect, not a refusal nor an
     * outage) after its bounded retries: REJECTED on its receipt and listed for its section, so that an agent files it
     * again; the commands behind it are not held. False when the record is not a readable command (it is dead-lettered).
     */
    public boolean rejectAfterFailures(ConsumerRecord<String, String> record, Exception failure) {
        QueuedCommand command;
        try {
            command = json.readValue(record.value(), QueuedCommand.class);
        } catch (RuntimeException unreadable) {
            return false;
        }
        if (command.agent() == null || command.agent().roles() == null || command.receiptNumber() == null
                || command.receivedAt() == null) {
            return false;
        }
        Agent agent = new Agent(command.agent().username(), Set.copyOf(command.agent().roles()), command.agent().section());
        log.error("Queued command {} {} (receipt {}) failed on every attempt: rejected", command.method(), command.path(),
                command.receiptNumber(), failure);
        reject(command, agent, 500, Map.of("type", ProblemTypes.INTERNAL.toString(), "title", "Internal error", "status", 500,
                "detail", "La demande n'a pas pu être traitée à la reprise du service (erreur interne, signalée) : "
                        + "la déposer à nouveau au guichet."));
        trail.record(agent, command.method() + " " + command.path() + " (queued)", command.benefit(), command.receiptNumber(), 500);
        return true;
    }

    private void reject(QueuedCommand command, Agent agent, int status, Map<String, Object> problem) {
        List<String> reasons = new ArrayList<>();
        if (problem.get("detail") != null) {
            reasons.add(String.valueOf(problem.get("detail")));
        }
        if (problem.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                if (error instanceof Map<?, ?> e) {
                    reasons.add(e.get("field") + ": " + e.get("detail"));
                }
            }
        }
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            if (rejected.add(command, agent.section(), agent.toString(), status, problem, now)) {
                receipts.publish(new ReceiptState(command.receiptNumber(), command.benefit(), ReceiptState.REJECTED,
                        command.receivedAt(), null, null, agent.section(), reasons, null, now));
            }
        });
        meters.counter("guichet.intake.commands", "benefit", command.benefit(), "outcome", "rejected").increment();
        log.warn("Queued command {} {} (receipt {}) rejected on replay: {}", command.method(), command.path(),
                command.receiptNumber(), reasons);
    }

    private static JwtAuthenticationToken authentication(QueuedCommand command) {
        Jwt.Builder jwt = Jwt.withTokenValue("queued-command").header("alg", "none")
                .subject(command.agent().username()).claim("roles", command.agent().roles())
                .issuedAt(command.receivedAt());
        if (command.agent().section() != null) {
            jwt.claim("section", command.agent().section());
        }
        return new JwtAuthenticationToken(jwt.build(),
                command.agent().roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList(),
                command.agent().username());
    }
}
