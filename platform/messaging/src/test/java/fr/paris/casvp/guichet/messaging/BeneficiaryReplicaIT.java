package fr.paris.casvp.guichet.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.messaging.replica.BeneficiaryReplica;
import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import fr.paris.casvp.guichet.testsupport.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

@SpringBootTest
@RealInfrastructure(database = "messaging")
class BeneficiaryReplicaIT {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    BeneficiaryReplica replica;

    @Autowired
    ConsumerFactory<String, String> consumers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theLatestSnapshotWinsAndARedeliveredOlderOneChangesNothing() throws Exception {
        String id = UUID.randomUUID().toString();
        RecordMetadata first = send(id, snapshot(id, "Martin", 1));
        send(id, snapshot(id, "Martin-Durand", 2));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(replica.snapshot(id)).hasValueSatisfying(s -> assertThat(s).contains("Martin-Durand")));

        // The first record delivered again, as after a rebalance before its offset was committed.
        replica.apply(new ConsumerRecord<>("beneficiaries.v1", first.partition(), first.offset(), id, snapshot(id, "Martin", 1)));

        assertThat(replica.snapshot(id)).hasValueSatisfying(s -> assertThat(s).contains("Martin-Durand"));
    }

    @Test
    void anErasedBeneficiaryLeavesNoPersonalDataAndCannotBeBroughtBackByAnOlderSnapshot() throws Exception {
        String id = UUID.randomUUID().toString();
        RecordMetadata snapshot = send(id, snapshot(id, "Bernard", 1));
        send(id, null);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(replica.snapshot(id)).isEmpty());

        replica.apply(new ConsumerRecord<>("beneficiaries.v1", snapshot.partition(), snapshot.offset(), id, snapshot(id, "Bernard", 1)));

        assertThat(replica.snapshot(id)).isEmpty();
    }

    @Test
    void aSnapshotThatIsNotJsonGoesToTheDeadLetterTopicAndTheNextOneIsApplied() throws Exception {
        String id = UUID.randomUUID().toString();
        send(id, "not json at all");
        send(id, snapshot(id, "Petit", 1));

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
    void anOlderVersionPublishedAfterANewerOneChangesNothing() throws Exception {
        String id = UUID.randomUUID().toString();
        RecordMetadata newer = send(id, snapshot(id, "Nouveau", 5));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(replica.snapshot(id)).hasValueSatisfying(s -> assertThat(s).contains("Nouveau")));

        // Version 4 at a later offset, as when the outbox publishes an event again after a crash.
        replica.apply(new ConsumerRecord<>("beneficiaries.v1", newer.partition(), newer.offset() + 1, id, snapshot(id, "Ancien", 4)));

        assertThat(replica.snapshot(id)).hasValueSatisfying(s -> assertThat(s).contains("Nouveau"));
    }

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void rebuildingFromTheTopicGivesTheSameRowsAsBefore() throws Exception {
        List<RecordMetadata> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = UUID.randomUUID().toString();
            sent.add(send(id, snapshot(id, "Avant", 1)));
            sent.add(send(id, snapshot(id, "Après", 2)));
        }
        String erased = UUID.randomUUID().toString();
        sent.add(send(erased, snapshot(erased, "Effacé", 1)));
        sent.add(send(erased, null));
        Topics.awaitConsumed(kafka, "messaging-test.beneficiary-replica", sent);
        assertThat(replica.snapshot(erased)).isEmpty();
        List<String> before = rows();

        replica.rebuild();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(rows()).isEqualTo(before));
    }

    /**
     * With several instances of the service, the one asked to rebuild holds only some partitions (here: none, its
     * listener stopped): it still reads every partition itself.
     */
    @Test
    void theInstanceAskedRebuildsEveryPartitionWhateverTheConsumerGroupGaveIt() throws Exception {
        List<RecordMetadata> sent = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String id = UUID.randomUUID().toString();
            sent.add(send(id, snapshot(id, "Partition", 1)));
        }
        Topics.awaitConsumed(kafka, "messaging-test.beneficiary-replica", sent);
        List<String> before = rows();
        MessageListenerContainer listener = listeners.getListenerContainer("messaging-test.beneficiary-replica");
        listener.stop();
        try {
            int read = replica.rebuild();

            assertThat(read).isGreaterThanOrEqualTo(sent.size());
            assertThat(rows()).isEqualTo(before);
        } finally {
            listener.start();
        }
    }

    private List<String> rows() {
        return jdbc.sql("""
                        select beneficiary_id || ' ' || coalesce(version, 0) || ' ' || erased || ' ' || coalesce(snapshot::text, '')
                          from beneficiary_replica order by 1
                        """)
                .query(String.class).list();
    }

    @Test
    void theStatusCountsTheBeneficiariesHeld() throws Exception {
        String id = UUID.randomUUID().toString();
        long before = replica.status().beneficiaries();
        send(id, snapshot(id, "Roux", 1));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(replica.snapshot(id)).isPresent());
        BeneficiaryReplica.Status status = replica.status();
        assertThat(status.beneficiaries()).isGreaterThan(before);
        assertThat(status.lastReplicatedAt()).isNotNull();
    }

    private RecordMetadata send(String id, String value) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>("beneficiaries.v1", id, value);
        record.headers().add("ce_type", BeneficiarySnapshot.TYPE.getBytes(StandardCharsets.UTF_8));
        return kafka.send(record).get(30, TimeUnit.SECONDS).getRecordMetadata();
    }

    /** A snapshot as the registry publishes it (valid against its schema: the replica's container checks it). */
    private static String snapshot(String id, String lastName, int version) {
        return """
                {"id":"%s","fileNumber":"B-2026-000001","version":%d,"updatedAt":"2026-12-01T09:00:00Z",
                 "situation":{"identity":{"lastName":"%s","firstNames":"Jeanne","birthDate":"1950-06-01","sex":"F"},
                              "parisResidence":[],"disabilityEvidence":[],"nationalBenefits":[],"monthlyResources":[],
                              "incomeTax":[],"warVeteran":false,"section":"13"}}
                """.formatted(id, version, lastName);
    }
}
