package fr.paris.casvp.guichet.aid;

import static fr.paris.casvp.guichet.aid.AidFixture.AGENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import fr.paris.casvp.guichet.contracts.EventSchemas;
import fr.paris.casvp.guichet.contracts.intake.CommandSignatures;
import fr.paris.casvp.guichet.contracts.intake.QueuedCommand;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptNumber;
import fr.paris.casvp.guichet.contracts.receipt.ReceiptState;
import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import fr.paris.casvp.guichet.testsupport.TestSigningKeys;
import fr.paris.casvp.guichet.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Draining {@code intake.aid.v1}: commands the gateway queued while the service was down (issue #8, #4 item 3). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(database = "aid")
class AidIntakeIT {

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    ConsumerFactory<String, String> consumers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    AidFixture aid;

    @BeforeEach
    void fixture() {
        aid = new AidFixture(port, kafka, jdbc, json);
    }

    @Test
    void aQueuedApplicationIsFiledOnceAsItsAgentWithItsReceiptAndReceptionTime() throws Exception {
        UUID person = aid.person(LocalDate.of(2015, 3, 1));
        QueuedCommand command = queued(person, AidFixture.filing(person, "FOOD", "120"), "agent13", "AGENT", "13");

        send(command);
        send(command);

        await().atMost(Duration.ofSeconds(60)).until(() -> applications(person) == 1);
        String view = aid.get("/api/aid/applications?beneficiaryId=" + person, AGENT).body();
        assertThat(JsonPath.<String>read(view, "$[0].receipt.number")).isEqualTo(command.receiptNumber());
        assertThat(Instant.parse(JsonPath.read(view, "$[0].receivedAt"))).isEqualTo(command.receivedAt());
        assertThat(JsonPath.<String>read(view, "$[0].filedBy")).isEqualTo("agent13");
        ReceiptState receipt = receipt(command.receiptNumber(), "RECEIVED");
        // The contract: HMAC-SHA256 of "<number>|<birth date>" with the receipt key, computed here independently.
        javax.crypto.Mac hmac = javax.crypto.Mac.getInstance("HmacSHA256");
        hmac.init(new javax.crypto.spec.SecretKeySpec(TestSigningKeys.RECEIPT_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(receipt.birthDateCheck()).isEqualTo(java.util.HexFormat.of().formatHex(
                hmac.doFinal((command.receiptNumber() + "|1980-05-17").getBytes(StandardCharsets.UTF_8))));
        assertThat(JsonPath.<List<String>>read(aid.get("/api/aid/audit?agent=agent13", TestTokens.supervisor()).body(), "$[*].operation"))
                .contains("POST /api/aid/applications (queued)");
        assertThat(applications(person)).as("sent twice, filed once").isEqualTo(1);
    }

    @Test
    void aQueuedCommandRefusedOnReplayIsRejectedWithItsReasonsAndListedForItsSection() {
        UUID person = aid.person(LocalDate.of(2015, 3, 1));
        QueuedCommand badIban = queued(person, AidFixture.filing(person, "FOOD", "120").replace(AidFixture.IBAN, "FR0012340000000000000000000"),
                "agent13", "AGENT", "13");
        QueuedCommand otherSection = queued(person, AidFixture.filing(person, "FOOD", "120"), "agent18", "AGENT", "18");

        send(badIban);
        send(otherSection);

        ReceiptState rejected = receipt(badIban.receiptNumber(), "REJECTED");
        assertThat(rejected.reasons()).anySatisfy(reason -> assertThat(reason).contains("payee.iban"));
        ReceiptState forbidden = receipt(otherSection.receiptNumber(), "REJECTED");
        // Issue #33: the refusal says the file is another section's, not which one.
        assertThat(forbidden.reasons()).anySatisfy(reason -> assertThat(reason).contains("another section").doesNotContain("13"));
        String list = aid.get("/api/aid/intake/rejected", AGENT).body();
        assertThat(JsonPath.<List<String>>read(list, "$[*].receiptNumber")).contains(badIban.receiptNumber())
                .doesNotContain(otherSection.receiptNumber());
        assertThat(JsonPath.<List<String>>read(aid.get("/api/aid/intake/rejected", TestTokens.of("agent18", "AGENT", "18")).body(),
                "$[*].receiptNumber")).contains(otherSection.receiptNumber());
        assertThat(applications(person)).isZero();
    }

    @Test
    void aPoisonedQueuedCommandIsRejectedAndTheOneBehindItIsFiledTheQueueNeverJams() {
        UUID person = aid.person(LocalDate.of(2015, 3, 1));
        QueuedCommand poisoned = queued(person, AidFixture.filing(person, "FOOD", "120").replace("\"reason\":\"", "\"reason\":\"x\\u0000"),
                "agent13", "AGENT", "13");
        QueuedCommand behind = queued(person, AidFixture.filing(person, "FOOD", "60"), "agent13", "AGENT", "13");

        send(poisoned, person.toString()); // one partition, as the gateway keys them: by beneficiary
        send(behind, person.toString());

        ReceiptState rejected = receipt(poisoned.receiptNumber(), "REJECTED");
        assertThat(rejected.reasons()).anySatisfy(reason -> assertThat(reason).contains("reason"));
        receipt(behind.receiptNumber(), "RECEIVED");
        assertThat(applications(person)).isEqualTo(1);
        HttpResponse<String> online = aid.post("/api/aid/applications", AGENT,
                AidFixture.filing(person, "FOOD", "120").replace("\"reason\":\"", "\"reason\":\"x\\u0000"));
        assertThat(online.statusCode()).as("online, the same body is a 400 naming the field").isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(online.body(), "$.errors[*].field")).containsExactly("reason");
    }

    /**
     * Issue #33: with the gateway's Kafka password but not its signing key, a forger wrote an unsigned command naming a
     * genuine receipt, for section 18: the receipt moved to section 18 and turned REJECTED. A record the gateway did not
     * sign (no signature, another key, altered on the way) now changes nothing but the dead-letter topic.
     */
    @Test
    void aCommandTheGatewayDidNotSignChangesNothingEvenUnderAGenuineReceiptsNumber() {
        UUID person = aid.person(LocalDate.of(2015, 3, 1));
        QueuedCommand genuine = queued(person, AidFixture.filing(person, "FOOD", "130"), "agent13", "AGENT", "13");
        send(genuine);
        assertThat(receipt(genuine.receiptNumber(), "RECEIVED").section()).isEqualTo("13");

        UUID forgedKey = UUID.randomUUID();
        QueuedCommand unsigned = new QueuedCommand(genuine.receiptNumber(), "aid", forgedKey, "POST", "/api/aid/applications",
                AidFixture.filing(person, "FOOD", "120"), new QueuedCommand.QueuedAgent("agent18", List.of("AGENT"), "18"),
                genuine.receivedAt());
        QueuedCommand otherKey = queued(person, AidFixture.filing(person, "FOOD", "121"), "agent13", "AGENT", "13");
        QueuedCommand tampered = queued(person, AidFixture.filing(person, "FOOD", "122"), "agent13", "AGENT", "13");
        write(new ProducerRecord<>("intake.aid.v1", person.toString(), json.writeValueAsString(unsigned)));
        ProducerRecord<String, String> foreign = new ProducerRecord<>("intake.aid.v1", person.toString(), json.writeValueAsString(otherKey));
        foreign.headers().add(CommandSignatures.KEY_ID_HEADER, TestSigningKeys.KEY_ID.getBytes(StandardCharsets.UTF_8));
        foreign.headers().add(CommandSignatures.SIGNATURE_HEADER, CommandSignatures.sign(CommandSignatures.newKeyPair().getPrivate(),
                foreign.value()).getBytes(StandardCharsets.UTF_8));
        write(foreign);
        // Signed by the gateway, then the back-dated reception time changed on the way.
        ProducerRecord<String, String> signed = TestSigningKeys.sign(new ProducerRecord<>("intake.aid.v1", person.toString(),
                json.writeValueAsString(tampered)));
        write(new ProducerRecord<>("intake.aid.v1", null, person.toString(), signed.value().replace(
                tampered.receivedAt().toString(), tampered.receivedAt().minus(Duration.ofDays(55)).toString()), signed.headers()));
        // Behind them on the person's partition: once it is received, the three were handled.
        QueuedCommand behind = queued(person, AidFixture.filing(person, "FOOD", "123"), "agent13", "AGENT", "13");
        send(behind);
        receipt(behind.receiptNumber(), "RECEIVED");

        assertThat(applications(person)).as("the genuine one and the one behind").isEqualTo(2);
        assertThat(states(genuine.receiptNumber())).extracting(ReceiptState::status).doesNotContain("REJECTED");
        assertThat(states(genuine.receiptNumber())).extracting(ReceiptState::section).containsOnly("13");
        for (QueuedCommand forged : List.of(otherKey, tampered)) {
            assertThat(states(forged.receiptNumber())).as("no receipt for %s", forged.receiptNumber()).isEmpty();
        }
        assertThat(jdbc.sql("select count(*) from rejected_command where receipt_number in (:n)")
                .param("n", List.of(genuine.receiptNumber(), otherKey.receiptNumber(), tampered.receiptNumber()))
                .query(Long.class).single()).isZero();
        assertThat(deadLetters(List.of(otherKey.receiptNumber(), tampered.receiptNumber(), forgedKey.toString()), 3))
                .allSatisfy(reason -> assertThat(reason).startsWith("not signed by the gateway: signature"));
    }

    /** Every state of a receipt on receipts.aid.v1 (the aid service's receipts) so far. */
    private List<ReceiptState> states(String number) {
        List<ReceiptState> found = new ArrayList<>();
        try (Consumer<String, String> consumer = consumers.createConsumer("aid-intake-it-" + UUID.randomUUID(), null)) {
            consumer.subscribe(List.of("receipts.aid.v1"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (number.equals(r.key()) && r.value() != null) {
                        found.add(json.readValue(r.value(), ReceiptState.class));
                    }
                });
                return !consumer.assignment().isEmpty() && consumer.assignment().stream()
                        .allMatch(p -> consumer.position(p) >= consumer.endOffsets(List.of(p)).get(p));
            });
        }
        return found;
    }

    /** The reasons of the dead letters of intake.aid.v1 whose value holds one of {@code marks}, once {@code count} are there. */
    private List<String> deadLetters(List<String> marks, int count) {
        List<String> reasons = new ArrayList<>();
        try (Consumer<String, String> consumer = consumers.createConsumer("aid-intake-it-dlt-" + UUID.randomUUID(), null)) {
            consumer.subscribe(List.of("intake.aid.v1.dlt"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (marks.stream().anyMatch(r.value()::contains)) {
                        reasons.add(new String(r.headers().lastHeader("guichet_rejection_reason").value(), StandardCharsets.UTF_8));
                    }
                });
                return reasons.size() >= count;
            });
        }
        return reasons;
    }

    private QueuedCommand queued(UUID person, String body, String user, String role, String section) {
        return new QueuedCommand(ReceiptNumber.next(), "aid", UUID.randomUUID(), "POST", "/api/aid/applications", body,
                new QueuedCommand.QueuedAgent(user, List.of(role), section),
                Instant.now().minus(Duration.ofMinutes(7)).truncatedTo(ChronoUnit.MILLIS));
    }

    private void send(QueuedCommand command) {
        send(command, command.receiptNumber());
    }

    private void send(QueuedCommand command, String key) {
        String value = json.writeValueAsString(command);
        assertThat(EventSchemas.violations(QueuedCommand.TYPE, value)).isEmpty();
        write(TestSigningKeys.sign(new ProducerRecord<>("intake.aid.v1", key, value)));
    }

    private void write(ProducerRecord<String, String> record) {
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", QueuedCommand.TYPE.getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long applications(UUID person) {
        return jdbc.sql("select count(*) from aid_application where beneficiary_id = :b").param("b", person).query(Long.class).single();
    }

    private ReceiptState receipt(String number, String status) {
        List<ReceiptState> found = new ArrayList<>();
        try (Consumer<String, String> consumer = consumers.createConsumer("aid-intake-it-" + UUID.randomUUID(), null)) {
            consumer.subscribe(List.of("receipts.aid.v1"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (number.equals(r.key())) {
                        assertThat(EventSchemas.violations(ReceiptState.TYPE, r.value())).isEmpty();
                        ReceiptState state = json.readValue(r.value(), ReceiptState.class);
                        if (state.status().equals(status)) {
                            found.add(state);
                        }
                    }
                }
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }
}
