package fr.paris.casvp.guichet.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The counter's scripts have unit tests of their own, in JavaScript ({@code src/test/js}: messages, dates, amounts,
 * the offline queue, the modules' links), run here with Node's built-in test runner so that the build runs them. Without
 * Node.js 18 or newer on the PATH they are reported as skipped ({@code .ci/run} installs it).
 */
class CounterScriptsTest {

    private static final Pattern PASSED = Pattern.compile("^# pass (\\d+)$", Pattern.MULTILINE);

    @Test
    void theCountersScriptsPassTheirOwnUnitTests() throws Exception {
        Optional<Path> node = node();
        assumeTrue(node.isPresent(), "Node.js 18 or newer is needed to run the counter's unit tests (src/test/js)");
        Process run = new ProcessBuilder(node.get().toString(), "--test", "src/test/js/").redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(2, TimeUnit.MINUTES)).as("finished within 2 minutes").isTrue();
        System.out.println(output.lines()
                .filter(line -> line.startsWith("# ") && !line.startsWith("# Subtest") || line.startsWith("not ok")).toList());
        assertThat(run.exitValue()).as(output).isZero();
        Matcher passed = PASSED.matcher(output);
        assertThat(passed.find()).as(output).isTrue();
        assertThat(Integer.parseInt(passed.group(1))).as("tests run").isGreaterThanOrEqualTo(15);
        assertThat(output).contains("# fail 0");
    }

    /** Node.js on the PATH, when it is 18 or newer (its test runner). */
    private static Optional<Path> node() throws IOException, InterruptedException {
        Optional<Path> found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "node")).filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            return found;
        }
        Process version = new ProcessBuilder(found.get().toString(), "--version").redirectErrorStream(true).start();
        String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        version.waitFor(30, TimeUnit.SECONDS);
        Matcher major = Pattern.compile("^v(\\d+)\\.").matcher(text);
        return major.find() && Integer.parseInt(major.group(1)) >= 18 ? found : Optional.empty();
    }
}
