package fr.paris.casvp.guichet.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.intake.QueuedCommand;
import fr.paris.casvp.guichet.contracts.intake.SealedBodies;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptNumber;
import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import fr.paris.casvp.guichet.testsupport.TestSigningKeys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import tools.jackson.databind.json.JsonMapper;

/** Real Kafka and PostgreSQL: what the intake applies, rejects, and how a command that always fails is let go. */
@SpringBootTest
@RealInfrastructure(database = "intake")
class IntakeIT {

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    IntakeTestApplication.Things things;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    ConsumerFactory<String, String> consumers;

    /**
     * Every consumer of the intake has joined and has its share of the topic's partitions before a test sends: a
     * rebalance while consumers are still joining would hand a failing record to a consumer that has not counted its
     * attempts (each consumer counts its own).
     */
    @BeforeEach
    void theIntakeConsumersHaveTheirPartitions() {
        var intake = (ConcurrentMessageListenerContainer<?, ?>) listeners.getListenerContainer("intake-test.intake");
        ContainerTestUtils.waitForAssignment(intake, Topic.DEFAULT_PARTITIONS);
        await().atMost(Duration.ofSeconds(60)).until(() -> intake.getContainers().stream()
                .allMatch(consumer -> consumer.getAssignedPartitions() != null && !consumer.getAssignedPartitions().isEmpty())
                && intake.getContainers().stream().mapToInt(consumer -> consumer.getAssignedPartitions().size()).sum()
                == Topic.DEFAULT_PARTITIONS);
    }

    @Test
    void aSignedCommandIsAppliedOnceAsItsAgent() {
        QueuedCommand command = command("agent13", "{\"n\":1}");

        send(command, "person-1", true);
        send(command, "person-1", true);

        QueuedCommand marker = command("agent13", "{\"n\":10}");
        send(marker, "person-1", true);
        // Same key, same partition: once the marker is applied, both copies have been handled.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(things.applied).contains("agent13 {\"n\":10}"));
        assertThat(things.applied).containsOnlyOnce("agent13 {\"n\":1}");
        assertThat(rejected(command.receiptNumber())).isEmpty();
    }

    /** Issue #33: a record the gateway did not sign changes nothing, not even the receipt it names: dead letters only. */
    @Test
    void anUnsignedCommandChangesNothingButTheDeadLetterTopic() {
        QueuedCommand forged = command("directeur13", "{\"n\":2}");
        QueuedCommand behind = command("agent13", "{\"n\":20}");

        send(forged, "person-2", false);
        send(behind, "person-2", true);

        // The same key, the same partition: once the signed one behind it is applied, the forged one was handled.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(things.applied).contains("agent13 {\"n\":20}"));
        assertThat(rejected(forged.receiptNumber())).as("no rejected command, no receipt changed").isEmpty();
        assertThat(things.attempts).doesNotContainKey(forged.receiptNumber());
        assertThat(things.applied).noneMatch(applied -> applied.contains("\"n\":2}"));
        assertThat(deadLetter(forged.receiptNumber())).isEqualTo("not signed by the gateway: signature absente");
    }

    /**
     * Issue #33: the bodies on the intake topics held IBANs in clear. The gateway seals them for the services; a body
     * sealed for a key the service does not hold changes nothing, and a body queued before bodies were sealed (JSON) is
     * still applied.
     */
    @Test
    void aBodyTheServiceCannotOpenChangesNothingButTheDeadLetterTopic() {
        QueuedCommand command = command("agent13", "{\"n\":5}");
        KeyPair another = SealedBodies.newKeyPair();
        QueuedCommand sealedForAnother = command.withBody(SealedBodies.seal((RSAPublicKey) another.getPublic(), "another", command.body()));
        ProducerRecord<String, String> record = TestSigningKeys.sign(new ProducerRecord<>("intake.aid.v1", "person-5",
                json.writeValueAsString(sealedForAnother)));
        record.headers().add("ce_type", QueuedCommand.TYPE.getBytes(StandardCharsets.UTF_8));
        kafka.send(record).join();
        QueuedCommand unsealed = command("agent13", "{\"n\":50}");
        ProducerRecord<String, String> plain = TestSigningKeys.sign(new ProducerRecord<>("intake.aid.v1", "person-5",
                json.writeValueAsString(unsealed)));
        plain.headers().add("ce_type", QueuedCommand.TYPE.getBytes(StandardCharsets.UTF_8));
        kafka.send(plain).join();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(things.applied).contains("agent13 {\"n\":50}"));
        assertThat(things.attempts).doesNotContainKey(command.receiptNumber());
        assertThat(rejected(command.receiptNumber())).isEmpty();
        assertThat(deadLetter(command.receiptNumber())).isEqualTo("body sealed for an unknown key: another");
    }

    /** The reason of the dead letter whose record contains {@code text}. */
    private String deadLetter(String text) {
        try (Consumer<String, String> consumer = consumers.createConsumer("intake-it-dlt-" + UUID.randomUUID(), null)) {
            consumer.subscribe(List.of("intake.aid.v1.dlt"));
            List<ConsumerRecord<String, String>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (r.value().contains(text)) {
                        dead.add(r);
                    }
                });
                return !dead.isEmpty();
            });
            return new String(dead.get(0).headers().lastHeader("guichet_rejection_reason").value(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Issue #33: eight captures of one number sent at once were all queued; the service filed one and the others turned
     * its receipt to REJECTED. Now the first holds the number; the same application under other keys changes nothing,
     * and another application under that number goes to the dead letters, the receipt untouched.
     */
    @Test
    void oneReceiptNumberIsOneApplicationWhateverIsQueuedUnderIt() {
        QueuedCommand first = command("agent13", "{\"n\":4}");
        QueuedCommand again = new QueuedCommand(first.receiptNumber(), "aid", UUID.randomUUID(), "POST", "/api/things", first.body(),
                first.agent(), first.receivedAt());
        QueuedCommand another = new QueuedCommand(first.receiptNumber(), "aid", UUID.randomUUID(), "POST", "/api/things",
                "{\"n\":44}", new QueuedCommand.QueuedAgent("agent13", List.of("AGENT"), "13"), first.receivedAt());
        QueuedCommand behind = command("agent13", "{\"n\":40}");

        send(first, "person-4", true);
        send(again, "person-4", true);
        send(again, "person-4", true);
        send(another, "person-4", true);
        send(behind, "person-4", true);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(things.applied).contains("agent13 {\"n\":40}"));
        assertThat(things.applied).containsOnlyOnce("agent13 {\"n\":4}").doesNotContain("agent13 {\"n\":44}");
        assertThat(things.attempts.get(first.receiptNumber())).as("only the number's own command was applied").hasValue(1);
        assertThat(rejected(first.receiptNumber())).as("the receipt is not turned to REJECTED").isEmpty();
        assertThat(deadLetter(another.idempotencyKey().toString()))
                .isEqualTo("receipt " + first.receiptNumber() + " already belongs to another application");
    }

    @Test
    void aCommandThatAlwaysFailsIsTriedABoundedNumberOfTimesThenRejectedAndTheOneBehindItIsApplied() {
        QueuedCommand poison = command("agent13", "{\"defect\":true}");
        QueuedCommand behind = command("agent13", "{\"n\":3}");

        // The same key, the same partition: the second waits for the first.
        send(poison, "person-3", true);
        send(behind, "person-3", true);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(things.applied).contains("agent13 {\"n\":3}"));
        assertThat(things.attempts.get(poison.receiptNumber())).as("guichet.intake.defect-attempts").hasValue(3);
        Map<String, Object> row = rejected(poison.receiptNumber()).get(0);
        assertThat(row.get("status")).isEqualTo(500);
        assertThat(String.valueOf(row.get("problem"))).contains("erreur interne");
    }

    private static QueuedCommand command(String agent, String body) {
        return new QueuedCommand(ReceiptNumber.next(), "aid", UUID.randomUUID(), "POST", "/api/things", body,
                new QueuedCommand.QueuedAgent(agent, List.of("AGENT"), "13"), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** Sends the command as the gateway queues it (its body sealed for the service, the record signed), or unsigned. */
    private void send(QueuedCommand command, String key, boolean signed) {
        QueuedCommand queued = signed ? command.withBody(TestSigningKeys.seal(command.body())) : command;
        ProducerRecord<String, String> record = new ProducerRecord<>("intake.aid.v1", key, json.writeValueAsString(queued));
        if (signed) {
            TestSigningKeys.sign(record);
        }
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", QueuedCommand.TYPE.getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, Object>> rejected(String receipt) {
        return jdbc.sql("select status, problem::text as problem from rejected_command where receipt_number = :receipt")
                .param("receipt", receipt).query().listOfRows();
    }
}
