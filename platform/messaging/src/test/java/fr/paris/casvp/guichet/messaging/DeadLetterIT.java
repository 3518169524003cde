package fr.paris.casvp.guichet.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.paris.casvp.guichet.messaging.consumer.DeadLetterDepth;
import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** A record that cannot be processed goes, after bounded retries, to its dead-letter topic; the partition moves on. */
@SpringBootTest
@RealInfrastructure(database = "messaging")
class DeadLetterIT {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    MessagingTestApplication.CommandListener listener;

    @Autowired
    ConsumerFactory<String, String> consumers;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MessagingProperties properties;

    @Autowired
    DeadLetterDepth depth;

    @Test
    void aPoisonRecordIsTriedABoundedNumberOfTimesThenDeadLetteredAndTheNextRecordIsApplied() throws Exception {
        String key = "beneficiary-42";
        kafka.send(MessagingTestApplication.COMMANDS, key, "poison-1").get(30, TimeUnit.SECONDS);
        kafka.send(MessagingTestApplication.COMMANDS, key, "command-2").get(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(listener.applied).contains("command-2"));
        assertThat(listener.applied).doesNotContain("poison-1");
        assertThat(listener.attempts.stream().filter("poison-1"::equals)).hasSize(properties.deliveryAttempts());
        assertThat(meters.counter("guichet.messaging.dead.lettered", "topic", MessagingTestApplication.COMMANDS).count())
                .isEqualTo(1.0);

        List<ConsumerRecord<String, String>> deadLetters = new ArrayList<>();
        try (Consumer<String, String> consumer = consumers.createConsumer("dead-letter-reader", null)) {
            consumer.subscribe(List.of(MessagingTestApplication.COMMANDS + ".dlt"));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(deadLetters::add);
                assertThat(deadLetters).extracting(ConsumerRecord::value).containsExactly("poison-1");
            });
        }
        ConsumerRecord<String, String> deadLetter = deadLetters.get(0);
        assertThat(deadLetter.key()).isEqualTo(key);
        assertThat(deadLetter.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
        assertThat(deadLetter.headers().lastHeader("kafka_dlt-original-topic").value())
                .asString().isEqualTo(MessagingTestApplication.COMMANDS);

        // The depth an operator's alert reads: one dead letter of this service waits on the topic.
        depth.refresh();
        assertThat(meters.get("guichet.messaging.dead.letters.pending").tag("topic", MessagingTestApplication.COMMANDS)
                .gauge().value()).isEqualTo(1.0);
    }
}
