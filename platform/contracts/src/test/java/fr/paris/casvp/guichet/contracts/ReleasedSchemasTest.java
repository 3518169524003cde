package fr.paris.casvp.guichet.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each published schema ({@code docs/schemas/}) against its last released version
 * ({@code src/test/resources/released/}): a change partners could not follow fails the build, naming the field; and
 * the checker itself on the changes it must catch.
 */
class ReleasedSchemasTest {

    private static final Path PUBLISHED = Path.of("../../docs/schemas");
    private static final Path RELEASED = Path.of("src/test/resources/released");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyReleasedSchemaIsStillPublishedAndCompatible() throws IOException {
        List<String> changes = new ArrayList<>();
        try (Stream<Path> released = Files.list(RELEASED)) {
            for (Path file : released.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                Path published = PUBLISHED.resolve(file.getFileName());
                if (!Files.exists(published)) {
                    changes.add(file.getFileName() + ": removed (a released version stays published)");
                    continue;
                }
                SchemaCompatibility.breakingChanges(JSON.readTree(file.toFile()), JSON.readTree(published.toFile()))
                        .forEach(change -> changes.add(file.getFileName() + ": " + change));
            }
        }
        assertThat(changes).as("breaking changes against the released schemas").isEmpty();
    }

    @Test
    void everyPublishedSchemaIsReleasedOrNew() throws IOException {
        try (Stream<Path> published = Files.list(PUBLISHED)) {
            assertThat(published.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".json")))
                    .as("a new schema is released with its first version")
                    .allSatisfy(name -> assertThat(RELEASED.resolve(name)).exists());
        }
    }

    @Test
    void removingAFieldIsNamed() {
        assertThat(changes(ORDER, ORDER.replace("\"label\": {\"type\": \"string\"},", "")))
                .containsExactly("field label removed");
        assertThat(changes(ORDER, ORDER.replace("\"iban\": {\"type\": \"string\", \"pattern\": \"^[A-Z]{2}\"}", "\"bic\": {\"type\": \"string\"}")))
                .containsExactly("field payee.iban removed");
    }

    @Test
    void closingTheSchemaOrAnObjectInItIsNamed() {
        assertThat(changes(ORDER, ORDER.replace("\"type\": \"object\", \"required\": [\"orderId\"]",
                "\"type\": \"object\", \"additionalProperties\": false, \"required\": [\"orderId\"]")))
                .containsExactly("the payload is closed to new fields: a consumer of this version would refuse the next one");
        assertThat(changes(ORDER, ORDER.replace("\"payee\": {\"type\": \"object\",",
                "\"payee\": {\"type\": \"object\", \"additionalProperties\": false,")))
                .containsExactly("field payee is closed to new fields: a consumer of this version would refuse the next one");
    }

    @Test
    void aNewTypeANewRequiredFieldANarrowerPatternAndARemovedValueAreNamed() {
        assertThat(changes(ORDER, ORDER.replace("\"amount\": {\"type\": \"number\"}", "\"amount\": {\"type\": \"string\"}")))
                .containsExactly("field amount changed type from [number] to [string]");
        assertThat(changes(ORDER, ORDER.replace("\"required\": [\"orderId\"]", "\"required\": [\"orderId\", \"label\"]")))
                .containsExactly("field label became required");
        assertThat(changes(ORDER, ORDER.replace("^[A-Z]{2}", "^FR")))
                .containsExactly("field payee.iban changed its pattern from \"^[A-Z]{2}\" to \"^FR\"");
        assertThat(changes(ORDER, ORDER.replace("[\"PAID\", \"FAILED\"]", "[\"PAID\"]")))
                .containsExactly("field status no longer allows \"FAILED\"");
    }

    @Test
    void anOptionalFieldIsCompatible() {
        String later = ORDER.replace("\"label\": {\"type\": \"string\"},", "\"label\": {\"type\": \"string\"}, \"note\": {\"type\": \"string\"},");
        assertThat(changes(ORDER, later)).isEmpty();
    }

    /**
     * Issue #35: a new value and a looser bound were called compatible, yet the enumerations are closed: a partner that
     * validates what it reads with its version (as python-jsonschema or Ajv do) would refuse the new records.
     */
    @Test
    void aNewValueOfAnEnumerationAndALooserBoundAreNamed() {
        assertThat(changes(ORDER, ORDER.replace("[\"PAID\", \"FAILED\"]", "[\"PAID\", \"FAILED\", \"RETURNED\"]")))
                .containsExactly("field status allows the new value \"RETURNED\": a reader that validates with this version would refuse it");
        assertThat(changes(ORDER, ORDER.replace("\"maxLength\": 35", "\"maxLength\": 70")))
                .containsExactly("field reference changed its maxLength from 35 to 70");
    }

    private static List<String> changes(String released, String current) {
        return SchemaCompatibility.breakingChanges(JSON.readTree(released), JSON.readTree(current));
    }

    private static final String ORDER = """
            {"$id": "urn:guichet:schema:test.v1",
             "type": "object", "required": ["orderId"],
             "properties": {
               "orderId": {"type": "string", "format": "uuid"},
               "reference": {"type": "string", "maxLength": 35},
               "label": {"type": "string"},
               "amount": {"type": "number"},
               "status": {"type": "string", "enum": ["PAID", "FAILED"]},
               "payee": {"type": "object",
                         "properties": {"iban": {"type": "string", "pattern": "^[A-Z]{2}"}}}
             }}
            """;
}
