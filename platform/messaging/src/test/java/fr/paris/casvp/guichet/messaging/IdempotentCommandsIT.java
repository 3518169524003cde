package fr.paris.casvp.guichet.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.paris.casvp.guichet.messaging.command.IdempotencyKeyReusedException;
import fr.paris.casvp.guichet.messaging.command.IdempotentCommands;
import fr.paris.casvp.guichet.messaging.command.IdempotentCommands.Outcome;
import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Idempotency keys on real PostgreSQL: one effect per key, the same answer, a key reused for another request refused. */
@SpringBootTest
@RealInfrastructure(database = "messaging")
class IdempotentCommandsIT {

    @Autowired
    IdempotentCommands commands;

    @Test
    void theSameKeyAppliesTheCommandOnceAndAnswersTheSame() {
        UUID key = UUID.randomUUID();
        AtomicInteger applied = new AtomicInteger();

        Outcome first = commands.execute(key, "POST /things {a}", () -> Outcome.of(201, "/things/" + applied.incrementAndGet(), "{\"n\":1}"));
        Outcome again = commands.execute(key, "POST /things {a}", () -> Outcome.of(201, "/things/" + applied.incrementAndGet(), "{\"n\":2}"));

        assertThat(applied).hasValue(1);
        assertThat(again.replayed()).isTrue();
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.location()).isEqualTo("/things/1");
        assertThatThrownBy(() -> commands.execute(key, "POST /things {b}", () -> Outcome.of(201, null, "{}")))
                .isInstanceOf(IdempotencyKeyReusedException.class);
    }

    @Test
    void aFailedCommandStoresNothingSoTheCorrectedOneGoesThroughWithTheSameKey() {
        UUID key = UUID.randomUUID();
        assertThatThrownBy(() -> commands.execute(key, "POST /things {a}", () -> {
            throw new IllegalArgumentException("invalid");
        })).hasMessage("invalid");

        assertThat(commands.execute(key, "POST /things {a}", () -> Outcome.of(201, null, "{}")).replayed()).isFalse();
    }

    @Test
    void keysOlderThanTheRetentionArePurged() {
        UUID key = UUID.randomUUID();
        commands.execute(key, "POST /things {old}", () -> Outcome.of(201, null, "{}"));

        assertThat(commands.purgeOlderThan(Duration.ZERO)).isPositive();

        assertThat(commands.execute(key, "POST /things {other}", () -> Outcome.of(201, null, "{}")).replayed())
                .as("a purged key is free again").isFalse();
    }
}
