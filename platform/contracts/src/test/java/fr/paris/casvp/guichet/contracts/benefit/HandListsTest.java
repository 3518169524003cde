package fr.paris.casvp.guichet.contracts.benefit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A benefit is declared once ({@code benefits.properties}): no other file of the repository may list the benefits by
 * hand. A file lists them when it names three declared benefits or more (every one, or all but those a hand list
 * forgot) by the same kind of name: service, queue, receipts topic, events topic, local port or API path. Not looked
 * at: the declaration, each benefit's own module, documents written for people ({@code *.md}), the files generated
 * from the declaration and checked by a test, and unit and integration tests (they exercise named benefits on purpose).
 *
 * <p>{@link #NOT_YET} is what still lists them, each with why: it may only shrink. The test fails when another file
 * lists them, and when a file of the list no longer does (then strike it off).
 */
class HandListsTest {

    private static final Path ROOT = Path.of("../..");

    /** Generated from the declaration and compared with it by a test: a benefit added there reaches them. */
    private static final Map<String, String> GENERATED = Map.of(
            "deploy/k8s/base/apps/kustomization.yaml", "KubernetesBenefits, from the declaration; KubernetesBenefitsTest",
            "deploy/k8s/base/kafka/topics.yaml", "KubernetesKafka, from Topic; KubernetesKafkaTest",
            "deploy/k8s/base/kafka/users.yaml", "KubernetesKafka, from access.yaml and the declaration; KubernetesKafkaTest",
            "deploy/k8s/disaster-recovery/topics.yaml", "KubernetesKafka, from Topic.heldOnlyByKafka; KubernetesKafkaTest",
            "deploy/k8s/overlays/production/release/kustomization.yaml", "KubernetesBenefits, from the declaration; KubernetesBenefitsTest",
            "docs/asyncapi.yaml", "the published contract, for partners; AsyncApiDocumentTest compares its channels with Topic");

    /** Still listing the benefits by hand (issue #38, to be derived next). */
    private static final Map<String, String> NOT_YET = Map.ofEntries(
            Map.entry("pom.xml", "Maven's modules: a benefit's service is one line of the build, by hand"),
            Map.entry("deploy/containers/src/test/java/fr/paris/casvp/guichet/containers/ProductionInMiniatureIT.java",
                    "the production in miniature: it starts every declared benefit's service, but files the first three's own applications"),
            Map.entry("deploy/monitoring/guichet.rules.test.yaml",
                    "the alert rules' test series name three services as examples: the rules hold for any benefit, a new one edits nothing here"),
            Map.entry("system-tests/src/test/java/fr/paris/casvp/guichet/systemtests/ScaleOutDrillIT.java",
                    "the load it files is each benefit's own, and so are the instances it kills"),
            Map.entry("system-tests/src/test/java/fr/paris/casvp/guichet/systemtests/CapacityBench.java",
                    "the benchmark's mix of benefits"),
            Map.entry("system-tests/src/test/java/fr/paris/casvp/guichet/systemtests/CounterJourneyIT.java",
                    "the counter's journeys, benefit by benefit"));

    private static final List<Function<Benefit, String>> NAMES = List.of(Benefit::service, b -> "intake." + b.code() + ".v1",
            b -> "receipts." + b.code() + ".v1", b -> b.code() + ".events.v1", Benefit::portVariable, b -> b.apiPath() + "/");

    /** How many benefits named by the same kind of name make a list. */
    private static final int LIST = Math.min(3, Benefits.all().size());

    @Test
    void noFileListsTheBenefitsByHandButThoseNotYetDerived() throws IOException {
        Map<String, String> listing = new TreeMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(Files::isRegularFile).filter(HandListsTest::lookedAt).toList()) {
                String text = read(file);
                if (text == null) {
                    continue;
                }
                NAMES.stream().filter(name -> Benefits.all().stream().filter(b -> text.contains(name.apply(b))).count() >= LIST)
                        .findFirst().ifPresent(name -> listing.put(relative(file), name.apply(Benefits.all().get(0)) + ", ..."
                                + missing(text, name)));
            }
        }
        assertThat(new TreeSet<>(listing.keySet())).as("files listing every declared benefit by hand (the first name found: %s);"
                + " take the list from the declaration, or say why in NOT_YET", listing).isEqualTo(new TreeSet<>(NOT_YET.keySet()));
    }

    /** The declared benefits a hand list forgot, e.g. " (not housing)". */
    private static String missing(String text, Function<Benefit, String> name) {
        List<String> forgotten = Benefits.all().stream().filter(b -> !text.contains(name.apply(b))).map(Benefit::code).toList();
        return forgotten.isEmpty() ? "" : " (not " + String.join(", ", forgotten) + ")";
    }

    private static boolean lookedAt(Path file) {
        String path = relative(file);
        if (path.startsWith(".") || path.contains("/target/") || path.startsWith("target/") || path.contains("node_modules/")
                || path.contains("/.") || path.endsWith(".md") || GENERATED.containsKey(path)
                || path.endsWith("benefits/benefits.properties")) {
            return false;
        }
        if (Benefits.all().stream().anyMatch(b -> path.startsWith(b.service() + "/"))) {
            return false;
        }
        return !path.contains("/src/test/") || path.startsWith("system-tests/") || path.startsWith("deploy/containers/");
    }

    private static String relative(Path file) {
        return ROOT.relativize(file).normalize().toString().replace('\\', '/');
    }

    private static String read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png") || name.endsWith(".pdf") || name.endsWith(".jar") || name.endsWith(".ttf")) {
            return null;
        }
        try {
            return Files.readString(file);
        } catch (MalformedInputException binary) {
            return null;
        }
    }
}
