package fr.paris.casvp.guichet.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import fr.paris.casvp.guichet.contracts.receipt.ReceiptNumber;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptState;
import fr.paris.casvp.guichet.testsupport.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ReceiptBookTest {

    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");
    private final ReceiptBook book = new ReceiptBook(JsonMapper.builder().build(), Clock.fixed(NOW, ZoneId.of("Europe/Paris")),
            Duration.ofDays(400));

    /** Issue #33: every receipt ever issued was held in memory, and read again from the topic's beginning at each start. */
    @Test
    void aReceiptUnchangedForLongerThanItIsKeptIsNotHeld() {
        ReceiptState recent = state(NOW.minus(Duration.ofDays(399)), ReceiptState.QUEUED, UUID.randomUUID());
        ReceiptState old = state(NOW.minus(Duration.ofDays(401)), "PAID", null);

        book.put(recent);
        book.put(old);

        assertThat(book.get(recent.number())).isPresent();
        assertThat(book.get(old.number())).as("read from the topic, not held").isEmpty();
        assertThat(book.queued("aid")).isOne();

        MutableClock moving = new MutableClock();
        moving.set(NOW);
        ReceiptBook held = new ReceiptBook(JsonMapper.builder().build(), moving, Duration.ofDays(400));
        held.put(recent);
        moving.set(NOW.plus(Duration.ofDays(2)));
        assertThat(held.forgetOld()).as("two days later, it is 401 days old").isOne();
        assertThat(held.get(recent.number())).isEmpty();
        assertThat(held.queued("aid")).isZero();
    }

    /** Issue #33: once its service had applied it, a number no longer said which capture it was queued with. */
    @Test
    void theKeyANumberWasQueuedWithStaysKnownWhenItsServiceAppliesIt() {
        UUID key = UUID.randomUUID();
        ReceiptState queued = state(NOW.minusSeconds(60), ReceiptState.QUEUED, key);
        book.put(queued);
        book.put(new ReceiptState(queued.number(), "aid", "RECEIVED", queued.receivedAt(), UUID.randomUUID(), "AE-1", "13",
                List.of(), "check", NOW));

        assertThat(book.get(queued.number())).hasValueSatisfying(state -> {
            assertThat(state.status()).isEqualTo("RECEIVED");
            assertThat(state.idempotencyKey()).isEqualTo(key);
        });
    }

    private static ReceiptState state(Instant updatedAt, String status, UUID key) {
        return new ReceiptState(ReceiptNumber.next(), "aid", status, updatedAt, null, null, "13", List.of(), null, updatedAt, key);
    }
}
