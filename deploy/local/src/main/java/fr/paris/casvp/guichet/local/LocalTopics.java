package fr.paris.casvp.guichet.local;

import fr.paris.casvp.guichet.contracts.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates every topic of the suite ({@link Topic}) and its dead-letter topic on the local broker, when missing.
 * The services declare the same topics at start-up; doing it here first means no service ever waits for one.
 *
 * <pre>java ... LocalTopics &lt;bootstrap servers&gt;</pre>
 */
public final class LocalTopics {

    private LocalTopics() {
    }

    public static void main(String[] args) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args.length > 0 ? args[0] : "localhost:9092");
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topic topic : Topic.values()) {
                if (!existing.contains(topic.topicName())) {
                    NewTopic newTopic = new NewTopic(topic.topicName(), Topic.DEFAULT_PARTITIONS, (short) 1);
                    if (topic.compacted()) {
                        newTopic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                    }
                    missing.add(newTopic);
                }
                if (!existing.contains(topic.deadLetterTopicName())) {
                    missing.add(new NewTopic(topic.deadLetterTopicName(), Topic.DEFAULT_PARTITIONS, (short) 1));
                }
            }
            admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            System.out.println("Topics: " + (existing.size() + missing.size()) + " (" + missing.size() + " created)");
        }
    }
}
