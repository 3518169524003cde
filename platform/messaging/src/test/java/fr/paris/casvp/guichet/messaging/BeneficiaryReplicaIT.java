package fr.paris.casvp.guichet.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.paris.casvp.guichet.messaging.replica.BeneficiaryReplica;
import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

@SpringBootTest
@RealInfrastructure(database = "messaging")
class BeneficiaryReplicaIT {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    BeneficiaryReplica replica;

    @Autowired
    ConsumerFactory<String, String> consumers;

    @Test
    void theLatestSnapshotWinsAndARedeliveredOlderOneChangesNothing() throws Exception {
        String id = UUID.randomUUID().toString();
        RecordMetadata first = send(id, snapshot(id, "Martin"));
        send(id, snapshot(id, "Martin-Durand"));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(replica.snapshot(id)).hasValueSatisfying(s -> assertThat(s).contains("Martin-Durand")));

        // The first record delivered again, as after a rebalance before its offset was committed.
        replica.apply(new ConsumerRecord<>("beneficiaries.v1", first.partition(), first.offset(), id, snapshot(id, "Martin")));

        assertThat(replica.snapshot(id)).hasValueSatisfying(s -> assertThat(s).contains("Martin-Durand"));
    }

    @Test
    void anErasedBeneficiaryLeavesNoPersonalDataAndCannotBeBroughtBackByAnOlderSnapshot() throws Exception {
        String id = UUID.randomUUID().toString();
        RecordMetadata snapshot = send(id, snapshot(id, "Bernard"));
        send(id, null);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(replica.snapshot(id)).isEmpty());

        replica.apply(new ConsumerRecord<>("beneficiaries.v1", snapshot.partition(), snapshot.offset(), id, snapshot(id, "Bernard")));

        assertThat(replica.snapshot(id)).isEmpty();
    }

    @Test
    void aSnapshotThatIsNotJsonGoesToTheDeadLetterTopicAndTheNextOneIsApplied() throws Exception {
        String id = UUID.randomUUID().toString();
        send(id, "not json at all");
        send(id, snapshot(id, "Petit"));

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(replica.snapshot(id)).hasValueSatisfying(s -> assertThat(s).contains("Petit")));
        try (Consumer<String, String> consumer = consumers.createConsumer("replica-dead-letters-" + id, null)) {
            consumer.subscribe(List.of("beneficiaries.v1.dlt"));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(consumer.poll(Duration.ofMillis(500)))
                    .anySatisfy(record -> {
                        assertThat(record.key()).isEqualTo(id);
                        assertThat(record.value()).isEqualTo("not json at all");
                    }));
        }
    }

    @Test
    void theStatusCountsTheBeneficiariesHeld() throws Exception {
        String id = UUID.randomUUID().toString();
        long before = replica.status().beneficiaries();
        send(id, snapshot(id, "Roux"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(replica.snapshot(id)).isPresent());
        BeneficiaryReplica.Status status = replica.status();
        assertThat(status.beneficiaries()).isGreaterThan(before);
        assertThat(status.lastReplicatedAt()).isNotNull();
    }

    private RecordMetadata send(String id, String value) throws Exception {
        return kafka.send("beneficiaries.v1", id, value).get(30, TimeUnit.SECONDS).getRecordMetadata();
    }

    private static String snapshot(String id, String lastName) {
        return "{\"id\":\"" + id + "\",\"lastName\":\"" + lastName + "\"}";
    }
}
