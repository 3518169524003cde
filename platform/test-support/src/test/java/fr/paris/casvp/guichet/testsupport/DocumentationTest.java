package fr.paris.casvp.guichet.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository explains itself: every relative link of its Markdown documents leads to a file or folder inside it,
 * and none goes outside (the team's notes are not part of the product).
 */
class DocumentationTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    private final Path root = repositoryRoot();

    @Test
    void everyRelativeLinkLeadsToAFileOfTheRepository() {
        List<String> broken = new ArrayList<>();
        for (Path document : documents()) {
            Matcher link = LINK.matcher(read(document));
            while (link.find()) {
                String target = link.group(1).replaceAll("#.*$", "");
                if (target.isEmpty() || target.matches("^[a-z]+:.*")) {
                    continue;
                }
                Path resolved = document.getParent().resolve(target).normalize();
                if (!resolved.startsWith(root)) {
                    broken.add(root.relativize(document) + ": " + target + " leaves the repository");
                } else if (!Files.exists(resolved)) {
                    broken.add(root.relativize(document) + ": " + target + " does not exist");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void noDocumentSendsTheReaderToTheTeamsNotes() {
        assertThat(documents()).isNotEmpty()
                .noneSatisfy(document -> assertThat(read(document)).as(document.toString()).contains("../shared"));
    }

    private List<Path> documents() {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.toString().endsWith(".md"))
                    .filter(path -> root.relativize(path).toString().split("/")[0].matches("[^.].*"))
                    .filter(path -> !path.toString().contains("/node_modules/") && !path.toString().contains("/target/"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path document) {
        try {
            return Files.readString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder with the root {@code pom.xml} and {@code README.md}, above this module. */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("mvnw")))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository's root").isNotNull();
        return dir;
    }
}
