package fr.paris.casvp.guichet.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code docs/asyncapi.yaml}, the contract partners build on, is a valid AsyncAPI 3.0 document and says what the code
 * does: every topic of {@link Topic} and no other, its settings, its key, its event types and their schemas, and who may
 * write and read it ({@code deploy/kafka/access.yaml}, which the broker applies).
 */
class AsyncApiDocumentTest {

    private static final Path DOCS = Path.of("../../docs");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static JsonNode document;
    private static Map<String, JsonNode> channelsByAddress;

    @BeforeAll
    static void read() {
        document = YAML.readTree(DOCS.resolve("asyncapi.yaml").toFile());
        channelsByAddress = new HashMap<>();
        document.get("channels").forEach(channel -> channelsByAddress.put(channel.get("address").asString(), channel));
    }

    @Test
    void isAValidAsyncApi3Document() {
        Schema specification = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(JsonMapper.builder().build().readTree(new File("src/test/resources/asyncapi/asyncapi-3.0.0.schema.json")));

        assertThat(specification.validate(document)).as("against the AsyncAPI 3.0.0 schema").isEmpty();
        assertThat(document.get("asyncapi").asString()).isEqualTo("3.0.0");
    }

    @Test
    void listsEveryTopicOfTheCodeAndNoOther() {
        Set<String> documented = new TreeSet<>(channelsByAddress.keySet());
        documented.remove("{topic}.dlt");
        assertThat(documented).as("the topics in docs/asyncapi.yaml")
                .isEqualTo(Topic.values().stream().map(Topic::topicName).collect(Collectors.toCollection(TreeSet::new)));
        assertThat(channelsByAddress).as("the dead-letter topics").containsKey("{topic}.dlt");
    }

    @Test
    void givesEachTopicItsEventTypesAndTheirSchemas() {
        List<String> mismatches = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            Set<String> documented = new HashSet<>();
            for (JsonNode message : messages(topic)) {
                List<String> types = new ArrayList<>();
                message.at("/headers/allOf/1/properties/ce_type/enum").forEach(type -> types.add(type.asString()));
                String schema = message.at("/payload/schema/$ref").asString();
                for (String type : types) {
                    if (!("./schemas/" + EventSchemas.schemaFile(type)).equals(schema)) {
                        mismatches.add(topic.topicName() + ": " + type + " has schema " + schema + ", the code uses "
                                + EventSchemas.schemaFile(type));
                    }
                }
                documented.addAll(types);
                assertThat(DOCS.resolve(schema)).as(schema).exists();
            }
            for (String type : topic.eventTypes()) {
                if (!documented.contains(type)) {
                    mismatches.add(topic.topicName() + ": event type " + type + " is in the code, not in the document");
                }
            }
            for (String type : documented) {
                if (!topic.eventTypes().contains(type)) {
                    mismatches.add(topic.topicName() + ": event type " + type + " is in the document, not in the code");
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void givesEachTopicItsKeyAndSettings() {
        for (Topic topic : Topic.values()) {
            JsonNode channel = channelsByAddress.get(topic.topicName());
            for (JsonNode message : messages(topic)) {
                JsonNode key = message.at("/bindings/kafka/key");
                assertThat(key.path("pattern").isMissingNode() ? null : key.get("pattern").asString())
                        .as("the key of %s", topic.topicName()).isEqualTo(topic.key().pattern());
            }
            JsonNode settings = channel.at("/bindings/kafka/topicConfiguration");
            assertThat(settings.get("cleanup.policy").get(0).asString()).as(topic.topicName())
                    .isEqualTo(topic.configs().get("cleanup.policy"));
            assertThat(settings.get("retention.ms").asString()).as(topic.topicName()).isEqualTo(topic.configs().get("retention.ms"));
            assertThat(channel.at("/bindings/kafka/partitions").asInt()).isEqualTo(Topic.DEFAULT_PARTITIONS);
        }
    }

    @Test
    void everyPublishedSchemaIsInTheDocument() throws Exception {
        String text = Files.readString(DOCS.resolve("asyncapi.yaml"));
        try (var files = Files.list(DOCS.resolve("schemas"))) {
            assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()))
                    .allSatisfy(f -> assertThat(text).contains("./schemas/" + f));
        }
    }

    private static List<JsonNode> messages(Topic topic) {
        JsonNode channel = channelsByAddress.get(topic.topicName());
        assertThat(channel).as("a channel for %s", topic.topicName()).isNotNull();
        List<JsonNode> messages = new ArrayList<>();
        channel.get("messages").forEach(reference -> messages.add(document.at(reference.get("$ref").asString().substring(1))));
        return messages;
    }
}
