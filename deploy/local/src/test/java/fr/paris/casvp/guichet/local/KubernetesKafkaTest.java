package fr.paris.casvp.guichet.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.paris.casvp.guichet.contracts.Topic;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Topics and Kafka users are declared once: the Strimzi resources committed under {@code deploy/k8s} are what
 * {@link KubernetesKafka} writes from {@code platform/contracts} {@code Topic} and {@code deploy/kafka/access.yaml}.
 */
class KubernetesKafkaTest {

    private static final Path DEPLOY = Path.of("..");
    private static final String REGENERATE = "out of date: regenerate it with java -cp \"deploy/local/target/classes:"
            + "platform/contracts/target/classes:deploy/local/target/lib/*\" fr.paris.casvp.guichet.local.KubernetesKafka "
            + "deploy/kafka/access.yaml deploy/k8s/base/kafka deploy/k8s/disaster-recovery";

    @Test
    void theTopicsOfTheKubernetesDeploymentAreThoseOfTheCode() throws Exception {
        assertThat(Files.readString(DEPLOY.resolve("k8s/base/kafka/topics.yaml"))).as("topics.yaml " + REGENERATE)
                .isEqualTo(KubernetesKafka.topics());
    }

    @Test
    void theSecondSitesTopicsAreThoseOnlyKafkaHoldsWithTheirSettings() throws Exception {
        String copy = Files.readString(DEPLOY.resolve("k8s/disaster-recovery/topics.yaml"));
        assertThat(copy).as("disaster-recovery/topics.yaml " + REGENERATE).isEqualTo(KubernetesKafka.copyTopics());
        assertThat(copy).contains("topicName: receipt-series.v1\n  partitions: 12\n  replicas: 3\n  config:\n"
                + "    min.insync.replicas: 2\n    cleanup.policy: \"compact\"\n    retention.ms: \"-1\"");
        assertThat(copy.split("kind: KafkaTopic", -1)).hasSize(Topic.heldOnlyByKafka().size() + 1);
        assertThat(copy).doesNotContain("strimzi.io/cluster: guichet\n");
    }

    @Test
    void theUsersAndAclsOfTheKubernetesDeploymentAreThoseOfAccessYaml() throws Exception {
        assertThat(Files.readString(DEPLOY.resolve("k8s/base/kafka/users.yaml"))).as("users.yaml " + REGENERATE)
                .isEqualTo(KubernetesKafka.users(KafkaAccess.read(DEPLOY.resolve("kafka/access.yaml"))));
    }

    @Test
    void everyTopicIsReplicatedThreeTimesWithTwoInSyncAndTheQueuesOutliveTwoMonths() {
        String topics = KubernetesKafka.topics();
        // Each topic and its dead-letter topic (a split gives one piece more than there are separators).
        int pieces = 2 * Topic.values().size() + 1;
        assertThat(topics.split("kind: KafkaTopic", -1)).hasSize(pieces);
        assertThat(topics.split("replicas: 3", -1)).hasSize(pieces);
        assertThat(topics.split("min.insync.replicas: 2", -1)).hasSize(pieces);
        assertThat(topics).contains("topicName: intake.aid.v1\n  partitions: 12\n  replicas: 3\n  config:\n"
                + "    min.insync.replicas: 2\n    cleanup.policy: \"delete\"\n    retention.ms: \"7776000000\"");
    }
}
