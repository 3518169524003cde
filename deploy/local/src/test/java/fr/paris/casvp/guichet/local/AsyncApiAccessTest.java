package fr.paris.casvp.guichet.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.paris.casvp.guichet.contracts.Topic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The published contract ({@code docs/asyncapi.yaml}) names, for each topic, who may write it ({@code x-writers}) and
 * read it ({@code x-readers}): exactly the principals the broker's ACLs allow, as {@link KafkaAccess} makes them from
 * {@code deploy/kafka/access.yaml} and the declared benefits.
 */
class AsyncApiAccessTest {

    @Test
    void namesWhoMayWriteAndReadEachTopicAsTheBrokerAllows() throws Exception {
        KafkaAccess access = KafkaAccess.read(Path.of("../kafka/access.yaml"));
        Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(Path.of("../../docs/asyncapi.yaml")));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) document.get("channels");
        List<String> mismatches = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            Map<String, Object> channel = channels.values().stream().filter(c -> topic.topicName().equals(c.get("address")))
                    .findFirst().orElseThrow(() -> new AssertionError("no channel for " + topic.topicName()));
            compare(topic, "x-writers", channel, allowed(access, topic, KafkaAccess.Principal::produces), mismatches);
            compare(topic, "x-readers", channel, allowed(access, topic, KafkaAccess.Principal::consumes), mismatches);
        }
        assertThat(mismatches).isEmpty();
    }

    private static void compare(Topic topic, String key, Map<String, Object> channel, TreeSet<String> allowed, List<String> mismatches) {
        @SuppressWarnings("unchecked")
        List<String> documented = (List<String>) channel.getOrDefault(key, List.of());
        if (!new TreeSet<>(documented).equals(allowed)) {
            mismatches.add(topic.topicName() + " " + key + ": the document says " + new TreeSet<>(documented) + ", the ACLs " + allowed);
        }
    }

    private static TreeSet<String> allowed(KafkaAccess access, Topic topic, Function<KafkaAccess.Principal, List<String>> topics) {
        TreeSet<String> names = new TreeSet<>();
        access.principals().values().stream().filter(p -> topics.apply(p).contains(topic.topicName())).forEach(p -> names.add(p.name()));
        return names;
    }
}
