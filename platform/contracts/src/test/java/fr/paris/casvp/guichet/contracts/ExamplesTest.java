package fr.paris.casvp.guichet.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.paris.casvp.guichet.contracts.payment.PaymentConfirmation;
import fr.paris.casvp.guichet.contracts.payment.PaymentOrderV2;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every event type has an example in {@code docs/schemas/examples/<ce_type>.json}, for the partners and their code
 * generators, and each is valid twice: with Guichet's own validator, every object closed (no field undocumented), and
 * with a second, independent implementation, Python's {@code jsonschema} (Debian's {@code python3-jsonschema}, which
 * .ci/run installs), reading the published schema as a partner's code would. A transition's example is that
 * transition's.
 */
class ExamplesTest {

    private static final Path EXAMPLES = Path.of("../../docs/schemas/examples");
    private static final Path SCHEMAS = Path.of("../../docs/schemas");
    private static final Path SECOND_VALIDATOR = Path.of("src/test/python/second_validator.py");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyEventTypeHasOneExampleAndEveryExampleAType() throws IOException {
        assertThat(exampleTypes()).containsExactlyInAnyOrderElementsOf(EventSchemas.types());
    }

    @Test
    void everyExampleIsValidWithGuichetsValidatorEveryObjectClosed() throws IOException {
        for (String type : EventSchemas.types()) {
            String example = Files.readString(example(type));
            assertThat(EventSchemas.violations(type, example)).as(type).isEmpty();
            JsonNode value = JSON.readTree(example);
            if (value.has("transition")) {
                assertThat(type).as("the example of %s is of its transition", type)
                        .contains("." + value.get("transition").asString().toLowerCase(Locale.ROOT).replace('_', '-') + ".v");
            }
        }
    }

    @Test
    void everyExampleIsValidWithASecondImplementation(@TempDir Path work) throws Exception {
        List<Map<String, String>> cases = new ArrayList<>();
        for (String type : EventSchemas.types()) {
            cases.add(Map.of("name", type, "schema", SCHEMAS.resolve(EventSchemas.schemaFile(type)).toString(),
                    "instance", example(type).toString()));
        }
        Path file = work.resolve("cases.json");
        Files.writeString(file, JSON.writeValueAsString(cases));

        JsonNode result = JSON.readTree(secondValidator("examples", file.toString()));

        assertThat(result.propertyNames()).hasSize(cases.size());
        Map<String, List<String>> errors = new HashMap<>();
        result.properties().forEach(entry -> {
            if (!entry.getValue().isEmpty()) {
                errors.put(entry.getKey(), entry.getValue().valueStream().map(JsonNode::asString).toList());
            }
        });
        assertThat(errors).isEmpty();
    }

    /** The second validator is not a rubber stamp: it refuses an example made wrong (an amount below zero). */
    @Test
    void theSecondImplementationRefusesAWrongExample(@TempDir Path work) throws Exception {
        String type = EventSchemas.types().stream().filter(t -> t.endsWith("payment.order.v1")).findFirst().orElseThrow();
        Path wrong = work.resolve("wrong.json");
        Files.writeString(wrong, Files.readString(example(type)).replace("\"amount\": 400.00", "\"amount\": -400.00"));
        Path file = work.resolve("cases.json");
        Files.writeString(file, JSON.writeValueAsString(List.of(Map.of("name", "wrong", "schema",
                SCHEMAS.resolve(EventSchemas.schemaFile(type)).toString(), "instance", wrong.toString()))));

        JsonNode result = JSON.readTree(secondValidator("examples", file.toString()));

        assertThat(result.get("wrong").valueStream().map(JsonNode::asString).toList()).singleElement().asString()
                .startsWith("/amount: ");
    }

    /**
     * Issue #35: version 1's amounts (a number, {@code multipleOf: 0.01}) are refused by a binary floating point
     * validator for one cent amount in nine (0.07 among them), so a treasury that validates its input would refuse real
     * orders. Version 2's decimal strings are accepted for every amount from 0.01 to 999.99, by the second implementation
     * as by Guichet's, in the orders and in the confirmations.
     */
    @Test
    void everyCentAmountIsValidInVersion2WhereVersion1FailsSome() throws Exception {
        for (String type : List.of(PaymentOrderV2.TYPE, PaymentConfirmation.TYPE_V2)) {
            JsonNode v2 = JSON.readTree(secondValidator("cents", SCHEMAS.resolve(EventSchemas.schemaFile(type)).toString(),
                    example(type).toString(), "amount"));
            assertThat(v2.get("checked").asInt()).isEqualTo(99_999);
            assertThat(v2.get("refusedCount").asInt()).as("%s refuses %s", type, v2.get("refused")).isZero();
        }
        String v1 = "fr.paris.casvp.guichet.payment.order.v1";
        JsonNode old = JSON.readTree(secondValidator("cents", SCHEMAS.resolve(EventSchemas.schemaFile(v1)).toString(),
                example(v1).toString(), "amount"));
        assertThat(old.get("refusedCount").asInt()).as("version 1, with floating point: the reason for version 2").isPositive();
        assertThat(old.get("refused").valueStream().map(JsonNode::asString).toList()).contains("0.07");
    }

    private static Set<String> exampleTypes() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length())).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Path example(String type) {
        return EXAMPLES.resolve(type + ".json");
    }

    static String secondValidator(String... arguments) throws IOException, InterruptedException {
        assumeTrue(pythonJsonSchema(), "the second validator needs python3 and its jsonschema module "
                + "(apt-get install python3-jsonschema; .ci/run installs it)");
        List<String> command = new ArrayList<>(List.of("python3", SECOND_VALIDATOR.toString()));
        command.addAll(List.of(arguments));
        Process python = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as(output).isZero();
        return output;
    }

    private static boolean pythonJsonSchema() throws IOException, InterruptedException {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import jsonschema").redirectErrorStream(true).start();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException noPython) {
            return false;
        }
    }
}
