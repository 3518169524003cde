package fr.paris.casvp.guichet.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import fr.paris.casvp.guichet.contracts.benefit.Benefit;
import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benefits' events share one envelope ({@code docs/schemas/benefit-event-envelope.v1.json}): what a reader of every
 * benefit's steps relies on (notice-service reads nothing else, with the declared reference). A benefit whose events
 * leave out a field of it, or define it otherwise, fails here rather than in production.
 */
class EventEnvelopeTest {

    private static final Path SCHEMAS = Path.of("../../docs/schemas");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode ENVELOPE = read(SCHEMAS.resolve(EventSchemas.BENEFIT_EVENT_ENVELOPE));

    @Test
    void everyDeclaredBenefitsSchemaRequiresTheEnvelopesFieldsAsTheEnvelopeDefinesThem() {
        List<String> faults = new ArrayList<>();
        for (Benefit benefit : Benefits.all()) {
            JsonNode schema = read(SCHEMAS.resolve(benefit.eventSchema()));
            List<String> required = strings(schema.path("required"));
            for (String field : strings(ENVELOPE.path("required"))) {
                JsonNode own = schema.path("properties").path(field);
                JsonNode common = ENVELOPE.path("properties").path(field);
                if (!required.contains(field)) {
                    faults.add(benefit.code() + ": " + field + " is not required");
                } else if (!own.path("type").equals(common.path("type"))) {
                    faults.add(benefit.code() + ": " + field + " is not a " + common.path("type").asString());
                } else if (common.has("pattern") && !common.path("pattern").equals(own.path("pattern")) && !own.has("enum")) {
                    faults.add(benefit.code() + ": " + field + " is not " + common.path("pattern").asString());
                } else if (common.has("format") && !common.path("format").equals(own.path("format"))) {
                    faults.add(benefit.code() + ": " + field + " is not a " + common.path("format").asString());
                }
            }
            if (benefit.reference().stream().noneMatch(required::contains)) {
                faults.add(benefit.code() + ": none of its reference fields " + benefit.reference() + " is required");
            }
            benefit.reference().stream().filter(field -> !schema.path("properties").has(field))
                    .forEach(field -> faults.add(benefit.code() + ": its reference field " + field + " is not in its schema"));
        }
        assertThat(faults).isEmpty();
    }

    @Test
    void everyExampleOfEveryBenefitsEventsIsAValidEnvelopeAndAnEventWithoutItsSectionIsNot() throws IOException {
        Schema envelope = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(ENVELOPE);
        List<Path> examples = new ArrayList<>();
        try (Stream<Path> files = Files.list(SCHEMAS.resolve("examples"))) {
            files.filter(file -> Benefits.all().stream().anyMatch(b -> file.getFileName().toString().startsWith(b.eventTypePrefix())))
                    .forEach(examples::add);
        }

        assertThat(examples).as("every declared benefit's examples").hasSizeGreaterThanOrEqualTo(Benefits.all().size());
        for (Path example : examples) {
            assertThat(envelope.validate(Files.readString(example), InputFormat.JSON)).as(example.getFileName().toString()).isEmpty();
        }
        String withoutSection = Files.readString(examples.get(0)).replaceFirst("\"section\"\\s*:\\s*\"[0-9]+\"\\s*,?", "");
        assertThat(envelope.validate(withoutSection, InputFormat.JSON)).as("the envelope refuses an event without its section")
                .isNotEmpty();
    }

    @Test
    void theEnvelopeIsPublishedWithTheEventsSchemas() throws IOException {
        List<String> inDocs = new ArrayList<>();
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json")).forEach(inDocs::add);
        }
        assertThat(EventSchemas.schemaFiles()).contains(EventSchemas.BENEFIT_EVENT_ENVELOPE).containsExactlyInAnyOrderElementsOf(inDocs);
    }

    /** The types derived from the declaration are those the examples, written by hand for partners, are named after. */
    @Test
    void eachBenefitsEventTypesComeFromItsDeclarationAndItsSchemasTransitions() throws IOException {
        for (Benefit benefit : Benefits.all()) {
            List<String> transitions = strings(read(SCHEMAS.resolve(benefit.eventSchema())).path("properties").path("transition").path("enum"));
            assertThat(transitions).as(benefit.code()).isNotEmpty();
            List<String> examples;
            try (Stream<Path> files = Files.list(SCHEMAS.resolve("examples"))) {
                examples = files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith(benefit.eventTypePrefix()))
                        .map(name -> name.substring(0, name.length() - ".json".length())).toList();
            }
            assertThat(examples).as(benefit.code() + ": an example per transition").hasSameSizeAs(transitions);
            for (String type : examples) {
                assertThat(EventSchemas.schemaFile(type)).as(type).isEqualTo(benefit.eventSchema());
            }
            assertThat(EventSchemas.types().stream().filter(type -> type.startsWith(benefit.eventTypePrefix())))
                    .as(benefit.code()).containsExactlyInAnyOrderElementsOf(examples);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
