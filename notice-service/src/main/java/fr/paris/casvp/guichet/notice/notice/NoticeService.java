package fr.paris.casvp.guichet.notice.notice;

import fr.paris.casvp.guichet.contracts.section.Section;
import fr.paris.casvp.guichet.contracts.section.Sections;
import fr.paris.casvp.guichet.messaging.consumer.IdempotentConsumer;
import fr.paris.casvp.guichet.notice.domain.Benefit;
import fr.paris.casvp.guichet.notice.domain.Channel;
import fr.paris.casvp.guichet.notice.domain.Delivery;
import fr.paris.casvp.guichet.notice.domain.Moment;
import fr.paris.casvp.guichet.notice.domain.Notice;
import fr.paris.casvp.guichet.notice.domain.NoticeText;
import fr.paris.casvp.guichet.notice.domain.Recipient;
import fr.paris.casvp.guichet.notice.notice.NoticeStore.Due;
import fr.paris.casvp.guichet.notice.recipient.RecipientService;
import fr.paris.casvp.guichet.web.Agent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records the steps to tell (once per event and channel, in the transaction that marks the event processed) and sends
 * them: the recipient is looked up when the notice leaves, so an opt-out or an erasure made meanwhile is honoured. A
 * notice that cannot leave is tried again with a growing delay, then marked FAILED for a supervisor to see and retry.
 */
@Service
public class NoticeService {

    private static final Logger log = LoggerFactory.getLogger(NoticeService.class);
    static final String CONSUMER = "notice.benefit-events";

    private final NoticeStore store;
    private final RecipientService recipients;
    private final Postman postman;
    private final IdempotentConsumer consumer;
    private final TransactionTemplate transactions;
    private final NoticeProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    NoticeService(NoticeStore store, RecipientService recipients, Postman postman, IdempotentConsumer consumer,
                  TransactionTemplate transactions, NoticeProperties properties, JsonMapper json, Clock clock,
                  MeterRegistry meters) {
        this.store = store;
        this.recipients = recipients;
        this.postman = postman;
        this.consumer = consumer;
        this.transactions = transactions;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        for (Delivery status : Delivery.values()) {
            Gauge.builder("guichet.notices", store, s -> s.count(status)).tag("status", status.name())
                    .description("Notices by status").register(meters);
        }
        Gauge.builder("guichet.notices.oldest.pending.age", store, s -> s.oldestPendingAge(clock.instant()).toSeconds())
                .baseUnit("seconds").description("Age of the oldest notice waiting to leave").register(meters);
    }

    /** A benefit's event: the notices it calls for, once per event however often it is delivered. */
    void record(ConsumerRecord<String, String> record) {
        consumer.apply(CONSUMER, record, r -> {
            Benefit benefit = Benefit.ofTopic(r.topic());
            if (r.value() == null) {
                throw new IllegalArgumentException("An event on " + r.topic() + " has no value");
            }
            // Only the envelope every benefit's events carry (docs/schemas/benefit-event-envelope.v1.json, EventEnvelopeTest),
            // the reference field the benefit declares, and validFrom where there is one: no code per benefit.
            JsonNode event = json.readTree(r.value());
            Optional<Moment> moment = Moment.of(benefit, required(event, "transition"));
            if (moment.isEmpty()) {
                return;
            }
            // The number the person holds (the application's, on the receipt), also for a Paris Solidarité grant's steps;
            // an event written before applicationNumber existed names its file: the first field the benefit declares.
            String reference = benefit.reference().stream().map(event::get).filter(node -> node != null && !node.isNull())
                    .map(JsonNode::asString).findFirst().orElseThrow(() -> new IllegalArgumentException(
                            "An event on " + r.topic() + " has none of " + benefit.reference()));
            JsonNode validFrom = event.get("validFrom");
            Notice notice = new Notice(benefit, moment.get(), reference, required(event, "section"),
                    Instant.parse(required(event, "occurredAt")),
                    validFrom == null || validFrom.isNull() ? null : LocalDate.parse(validFrom.asString()));
            Instant now = clock.instant();
            boolean late = notice.occurredAt().plus(properties.maxAge()).isBefore(now);
            for (Channel channel : Channel.values()) {
                store.add(UUID.randomUUID(), IdempotentConsumer.eventId(r), channel, required(event, "beneficiary"), notice, now,
                        late ? "older than " + properties.maxAge() + " when it arrived: not told any more" : null);
            }
        });
    }

    /** Sends every notice due now, a batch at most; each in its own transaction. */
    public void sendDue() {
        for (int i = 0; i < properties.batch(); i++) {
            if (!Boolean.TRUE.equals(transactions.execute(status -> store.nextDue(clock.instant()).map(this::send).isPresent()))) {
                return;
            }
        }
    }

    private Due send(Due due) {
        Instant now = clock.instant();
        Optional<Recipient> recipient = recipients.find(due.pseudonym());
        if (recipient.isEmpty()) {
            retryOrFail(due, now, "the person is not (yet) in this service's copy of the registry, or was erased");
            return due;
        }
        Optional<String> address = recipient.get().address(due.channel());
        if (address.isEmpty()) {
            store.skip(due.id(), recipient.get().declinesNotices() ? "the person declined notices"
                    : due.channel() == Channel.EMAIL ? "no e-mail address" : "no mobile number, or no consent to text messages");
            return due;
        }
        Section section = Sections.directory().of(due.notice().section());
        try {
            if (due.channel() == Channel.EMAIL) {
                postman.email(due.id(), address.get(), NoticeText.email(due.notice(), recipient.get(), section, properties.followPage()));
            } else {
                postman.sms(due.id(), address.get(), NoticeText.sms(due.notice(), section));
            }
            store.sent(due.id(), now);
        } catch (RuntimeException e) {
            log.warn("Notice {} ({}) not sent, try {}: {}", due.id(), due.channel(), due.attempts() + 1, e.getClass().getSimpleName());
            retryOrFail(due, now, withoutAddresses(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        return due;
    }

    private void retryOrFail(Due due, Instant now, String why) {
        int attempts = due.attempts() + 1;
        if (attempts >= properties.attempts()) {
            log.error("Notice {} ({}) FAILED after {} tries", due.id(), due.channel(), attempts);
            store.fail(due.id(), attempts, why);
        } else {
            Duration delay = properties.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 16));
            store.retry(due.id(), attempts, now.plus(delay), why);
        }
    }

    /** The notices of a status, newest first (supervisors). */
    public List<NoticeView> list(Delivery status, int limit) {
        Agent.current().requireRole(Agent.SUPERVISOR);
        return store.list(status, limit);
    }

    /** A FAILED notice tried again now (supervisors); false when there is no such failed notice. */
    public boolean retry(UUID id) {
        Agent.current().requireRole(Agent.SUPERVISOR);
        return store.retryNow(id, clock.instant());
    }

    /** A relay's error as supervisors may read it: the e-mail addresses and phone numbers it quotes are masked. */
    static String withoutAddresses(String error) {
        return error.replaceAll("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+", "<adresse>")
                .replaceAll("\\+\\d{8,15}|\\b0[1-9](?:[ .-]?\\d{2}){4}\\b", "<numéro>");
    }

    private static String required(JsonNode event, String field) {
        JsonNode value = event.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new IllegalArgumentException("The event has no " + field);
        }
        return value.asString();
    }
}
