package fr.paris.casvp.guichet.gateway.intake;

import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The latest state of every receipt, read from the compacted receipts' topics from their beginning at each start (a
 * consumer group of its own per start): the gateway's QUEUED states on {@code receipts.v1}, each benefit's states on
 * {@code receipts.<benefit>.v1}, which only that benefit's service may write and which speaks for that benefit's receipts
 * only, so that the gateway answers a receipt also while its service is down, and
 * knows each benefit's queue. Held in memory: about 300 bytes per receipt.
 */
@Component
public class ReceiptBook {

    private static final Logger log = LoggerFactory.getLogger(ReceiptBook.class);
    private static final int REMEMBERED_KEYS = 100_000;

    private final Map<String, ReceiptState> receipts = new ConcurrentHashMap<>();
    /** The receipts still QUEUED, by benefit: the status board asks for the queues every few seconds. */
    private final Map<String, Set<String>> queued = new ConcurrentHashMap<>();
    /** The gateway's QUEUED states by their command's key (the latest 100 000): a command queued again gets its receipt. */
    private final Map<UUID, ReceiptState> queuedByKey = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, ReceiptState> eldest) {
            return size() > REMEMBERED_KEYS;
        }
    });
    private final JsonMapper json;
    private final Clock clock;
    private final Duration kept;

    /**
     * @param kept how long a receipt is held after its last change (issue #33: every receipt ever issued was held, and
     *             read again at each start): a receipt unchanged for longer answers as unknown; its application stays in
     *             its service
     */
    ReceiptBook(JsonMapper json, Clock clock, @Value("${guichet.receipts.kept:400d}") Duration kept) {
        this.json = json;
        this.clock = clock;
        this.kept = kept;
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
    void forgetOldEveryHour() {
        int dropped = forgetOld();
        if (dropped > 0) {
            log.info("{} receipt(s) unchanged for more than {} no longer held", dropped, kept);
        }
    }

    /** Drops the receipts unchanged for longer than {@code kept}; returns how many. */
    int forgetOld() {
        Instant before = clock.instant().minus(kept);
        int[] dropped = {0};
        receipts.values().removeIf(state -> {
            boolean old = state.updatedAt() != null && state.updatedAt().isBefore(before);
            if (old) {
                queued.getOrDefault(state.benefit(), Set.of()).remove(state.number());
                dropped[0]++;
            }
            return old;
        });
        return dropped[0];
    }

    /** The gateway's QUEUED states, and each benefit's states of its own receipts. */
    static final List<String> TOPICS = Topic.receiptStateNames();

    @KafkaListener(id = "gateway.receipts", groupId = "gateway-receipts-${random.uuid}",
            topics = "#{T(fr.paris.casvp.guichet.contracts.Topic).receiptStateNames()}",
            properties = "auto.offset.reset=earliest")
    void on(ConsumerRecord<String, String> record) {
        if (record.key() == null) {
            return;
        }
        // Who may say what (issue #33): a benefit's topic, written by its service alone, speaks for that benefit's
        // receipts only; the gateway's topic says QUEUED only. Anything else is another's receipt: ignored.
        Optional<String> owner = Topic.byName(record.topic()).flatMap(Topic::receiptsBenefit);
        if (record.value() == null) {
            ReceiptState known = receipts.get(record.key());
            if (known != null && owner.isPresent() && owner.get().equals(known.benefit())) {
                receipts.remove(record.key());
                queued.getOrDefault(known.benefit(), Set.of()).remove(known.number());
            }
            return;
        }
        ReceiptState state;
        try {
            state = json.readValue(record.value(), ReceiptState.class);
        } catch (RuntimeException e) {
            log.warn("Receipt {} unreadable, ignored: {}", record.key(), e.toString());
            return;
        }
        boolean allowed = record.key().equals(state.number()) && (owner.isPresent()
                ? owner.get().equals(state.benefit()) : ReceiptState.QUEUED.equals(state.status()));
        if (!allowed) {
            log.warn("Receipt {} on {} ({}, {}) is not that topic's to say: ignored", record.key(), record.topic(),
                    state.benefit(), state.status());
            return;
        }
        put(state);
    }

    /** Keeps the later of two states of a receipt (a service's state wins over the gateway's QUEUED). */
    void put(ReceiptState state) {
        if (state.updatedAt() != null && state.updatedAt().isBefore(clock.instant().minus(kept))) {
            return;
        }
        if (state.idempotencyKey() != null && ReceiptState.QUEUED.equals(state.status())) {
            queuedByKey.putIfAbsent(state.idempotencyKey(), state);
        }
        ReceiptState known = receipts.get(state.number());
        if (known != null && !known.benefit().equals(state.benefit())) {
            // A number is one benefit's: another benefit's state for it is not that receipt's.
            log.warn("Receipt {} is a {} receipt: a {} state for it is ignored", state.number(), known.benefit(), state.benefit());
            return;
        }
        ReceiptState kept = receipts.merge(state.number(), state, (old, next) -> {
            ReceiptState later = next.updatedAt() != null && old.updatedAt() != null && next.updatedAt().isBefore(old.updatedAt())
                    ? old : next;
            // The key of the command queued under the number stays known once its service has applied it: a capture sent
            // again under that number is told apart from another application (issue #33).
            UUID key = later.idempotencyKey() != null ? later.idempotencyKey()
                    : old.idempotencyKey() != null ? old.idempotencyKey() : next.idempotencyKey();
            return key == later.idempotencyKey() ? later : new ReceiptState(later.number(), later.benefit(), later.status(),
                    later.receivedAt(), later.applicationId(), later.applicationNumber(), later.section(), later.reasons(),
                    later.birthDateCheck(), later.updatedAt(), key, later.details());
        });
        Set<String> waiting = queued.computeIfAbsent(kept.benefit(), b -> ConcurrentHashMap.newKeySet());
        if (ReceiptState.QUEUED.equals(kept.status())) {
            waiting.add(kept.number());
        } else {
            waiting.remove(kept.number());
        }
    }

    /** The receipt a command was queued under, by its key, as the instance that queued it answered. */
    public Optional<ReceiptState> queuedFor(UUID idempotencyKey) {
        return Optional.ofNullable(queuedByKey.get(idempotencyKey));
    }

    public Optional<ReceiptState> get(String number) {
        return Optional.ofNullable(receipts.get(number));
    }

    /** When the oldest command still waiting in a benefit's queue was received; empty when none waits. */
    public Optional<Instant> oldestQueued(String benefit) {
        return queued.getOrDefault(benefit, Set.of()).stream().map(receipts::get).filter(Objects::nonNull)
                .map(ReceiptState::receivedAt).filter(Objects::nonNull).min(Instant::compareTo);
    }

    /** How many commands wait in a benefit's queue: receipts still QUEUED. */
    public long queued(String benefit) {
        return queued.getOrDefault(benefit, Set.of()).size();
    }
}
