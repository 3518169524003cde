package fr.paris.casvp.guichet.messaging.receipt;

import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptChecks;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptState;
import fr.paris.casvp.guichet.messaging.outbox.Outbox;
import fr.paris.casvp.guichet.messaging.outbox.OutboxEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the state of a receipt on its benefit's {@code receipts.<benefit>.v1} (compacted, key = receipt number;
 * only that benefit's service may write it), through the outbox in the transaction of the change: the gateway answers
 * {@code GET /api/receipts/{number}} from it, also while the service is down.
 *
 * <p>Each state is also said in the service's log, and on the current span as {@value #RECEIPT_TAG},
 * {@value #APPLICATION_TAG} and {@value #FILE_TAG}: the trace store finds a request by the receipt number a person
 * holds, and the log line carries that request's trace id.
 *
 * <p>A benefit's service says its files' steps with {@link #publish(Filed, String, List, Instant, ReceiptState.Details)}:
 * the benefit's code comes from the declaration (the service's {@code spring.application.name}), the birth-date check
 * from the registry's copy; what is left to the service is what its file says.
 */
public class Receipts {

    /** The span attribute of the receipt number. */
    public static final String RECEIPT_TAG = "guichet.receipt";
    /** The span attribute of the application's id. */
    public static final String APPLICATION_TAG = "guichet.application.id";
    /** The span attribute of the application's file number (AE-13-2026-00042...). */
    public static final String FILE_TAG = "guichet.file.number";

    private static final Logger log = LoggerFactory.getLogger(Receipts.class);

    private final Outbox outbox;
    private final JsonMapper json;
    private final ReceiptChecks checks;
    private final ObservationRegistry observations;
    private final MeterRegistry meters;

    private final String benefit;
    private final Function<UUID, Optional<LocalDate>> birthDates;

    /**
     * @param checks       the keyed birth-date checks; null in a service that publishes no receipt of its own
     * @param observations where the current request's span is found, to name the receipt on it
     * @param meters       counts the states published: {@code guichet_receipts_total{benefit, status}}
     * @param benefit      the declared benefit whose receipts this service writes; null for a service of none
     * @param birthDates   a beneficiary's birth date, from the registry's copy (empty while the person is not in it)
     */
    public Receipts(Outbox outbox, JsonMapper json, ReceiptChecks checks, ObservationRegistry observations, MeterRegistry meters,
                    String benefit, Function<UUID, Optional<LocalDate>> birthDates) {
        this.outbox = outbox;
        this.json = json;
        this.checks = checks;
        this.observations = observations;
        this.meters = meters;
        this.benefit = benefit;
        this.birthDates = birthDates;
    }

    /** Without traces, metrics nor benefit: the gateway's queued states and the tests'. */
    public Receipts(Outbox outbox, JsonMapper json, ReceiptChecks checks) {
        this(outbox, json, checks, ObservationRegistry.NOOP, new SimpleMeterRegistry(), null, id -> Optional.empty());
    }

    /**
     * What a receipt names of the file behind it.
     *
     * @param receiptNumber the receipt the person holds
     * @param fileId        the file's id (application, pass...)
     * @param fileNumber    its number at the counter (AE-13-2026-00042...)
     * @param beneficiaryId the person, whose birth date makes the receipt's check
     */
    public record Filed(String receiptNumber, UUID fileId, String fileNumber, String section, Instant receivedAt,
                        UUID beneficiaryId) {
    }

    /**
     * A step of one of this service's files, said on its receipt.
     *
     * @param status  the file's status after the step (RECEIVED, GRANTED...)
     * @param reasons a refusal's reasons, in the service's codes; null or empty when none
     * @param at      when the step was taken
     * @param details what the person reads of their file on "Suivre ma demande"; null when nothing
     */
    public void publish(Filed file, String status, List<String> reasons, Instant at, ReceiptState.Details details) {
        if (benefit == null) {
            throw new IllegalStateException("This service is no declared benefit's: it has no file's receipt to publish");
        }
        String check = birthDates.apply(file.beneficiaryId()).map(date -> birthDateCheck(file.receiptNumber(), date)).orElse(null);
        publish(new ReceiptState(file.receiptNumber(), benefit, status, file.receivedAt(), file.fileId(), file.fileNumber(),
                file.section(), reasons == null || reasons.isEmpty() ? null : List.copyOf(reasons), check, at, null, details));
    }

    /** The receipt's birth-date check ({@link ReceiptChecks}). */
    private String birthDateCheck(String number, LocalDate birthDate) {
        if (checks == null) {
            throw new IllegalStateException("No receipt key (guichet.receipt-key) in this service");
        }
        return checks.of(number, birthDate);
    }

    public void publish(ReceiptState state) {
        Observation current = observations.getCurrentObservation();
        if (current != null) {
            current.highCardinalityKeyValue(RECEIPT_TAG, state.number());
            if (state.applicationId() != null) {
                current.highCardinalityKeyValue(APPLICATION_TAG, state.applicationId().toString());
            }
            if (state.applicationNumber() != null) {
                current.highCardinalityKeyValue(FILE_TAG, state.applicationNumber());
            }
        }
        meters.counter("guichet.receipts", "benefit", state.benefit(), "status", state.status()).increment();
        // Identifiers only: never a name, a NIR, an IBAN or a birth date in a log line.
        log.info("Receipt {} ({}): {}, application {} {}", state.number(), state.benefit(), state.status(),
                state.applicationNumber(), state.applicationId());
        outbox.add(OutboxEvent.of(Topic.receiptsOf(state.benefit()).topicName(), state.number(), ReceiptState.TYPE, "receipts/" + state.number(),
                state.updatedAt(), json.writeValueAsString(state)));
    }
}
