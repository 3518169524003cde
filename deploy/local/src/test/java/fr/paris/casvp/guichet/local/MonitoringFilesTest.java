package fr.paris.casvp.guichet.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monitoring files of {@code deploy/monitoring} load where an operator puts them: the alert rules pass {@code promtool
 * check rules} and their unit tests ({@code promtool test rules}, synthetic series); the Grafana dashboard follows the
 * dashboard schema Grafana loads, its panels sit on the grid, and every query is valid PromQL; every alert's runbook
 * link leads, by an absolute address, to a section of docs/supervision.md. (promtool: Debian's prometheus package,
 * which .ci/run installs; the same two promtool checks also run there directly.)
 */
class MonitoringFilesTest {

    private static final Path MONITORING = Path.of("../monitoring");
    private static final Path DASHBOARD = MONITORING.resolve("grafana/guichet.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void alertRulesPassPromtoolsCheckAndTheirUnitTests() throws Exception {
        assertThat(promtool("check", "rules", MONITORING.resolve("guichet.rules.yaml").toString())).contains("SUCCESS");
        assertThat(promtool("test", "rules", MONITORING.resolve("guichet.rules.test.yaml").toString())).contains("SUCCESS");
    }

    @Test
    void dashboardFollowsTheSchemaAndSitsOnTheGrid() throws IOException {
        JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(JSON.readTree(MONITORING.resolve("grafana/dashboard.schema.json").toFile()));

        assertThat(schema.validate(dashboard)).as("grafana/guichet.json against grafana/dashboard.schema.json").isEmpty();
        Set<Integer> ids = new HashSet<>();
        Set<String> cells = new HashSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(ids.add(panel.get("id").asInt())).as("panel id %s is unique", panel.get("id")).isTrue();
            JsonNode grid = panel.get("gridPos");
            int x = grid.get("x").asInt();
            int w = grid.get("w").asInt();
            assertThat(x + w).as("panel %s fits in the 24 columns", panel.get("title")).isLessThanOrEqualTo(24);
            for (int row = grid.get("y").asInt(); row < grid.get("y").asInt() + grid.get("h").asInt(); row++) {
                for (int column = x; column < x + w; column++) {
                    assertThat(cells.add(row + ":" + column)).as("panel %s overlaps another", panel.get("title")).isTrue();
                }
            }
        }
    }

    @Test
    void everyQueryOfTheDashboardIsValidPromQl(@TempDir Path directory) throws Exception {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : JSON.readTree(DASHBOARD.toFile()).get("panels")) {
            if (panel.has("targets")) {
                panel.get("targets").forEach(target -> expressions.add(target.get("expr").asString()));
            }
        }
        assertThat(expressions).hasSizeGreaterThan(10);
        // promtool parses each query as the expression of a recording rule.
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        for (int i = 0; i < expressions.size(); i++) {
            rules.append("      - record: dashboard_query_").append(i).append("\n        expr: ")
                    .append(JSON.writeValueAsString(expressions.get(i))).append('\n');
        }
        Path file = directory.resolve("dashboard-queries.yaml");
        Files.writeString(file, rules);

        assertThat(promtool("check", "rules", file.toString())).contains("SUCCESS: " + expressions.size() + " rules found");
    }

    /**
     * Each alert links to a section of docs/supervision.md by an absolute address (a relative one cannot be clicked from
     * Alertmanager or Grafana), all under one base, so that one command moves them together.
     */
    @Test
    void everyAlertLinksToASectionOfTheRunbookByAnAbsoluteAddress() throws IOException {
        Set<String> anchors = new HashSet<>();
        Matcher ids = Pattern.compile("<a id=\"([a-z0-9-]+)\"></a>").matcher(Files.readString(Path.of("../../docs/supervision.md")));
        while (ids.find()) {
            anchors.add(ids.group(1));
        }
        String rules = Files.readString(MONITORING.resolve("guichet.rules.yaml"));
        Matcher links = Pattern.compile("runbook_url: \"([^\"]*)\"").matcher(rules);
        Set<String> bases = new HashSet<>();
        int alerts = 0;
        while (links.find()) {
            alerts++;
            Matcher link = Pattern.compile("(https://[^#\\s]+/docs/supervision\\.md)#([a-z0-9-]+)").matcher(links.group(1));
            assertThat(link.matches()).as("an absolute link to docs/supervision.md: %s", links.group(1)).isTrue();
            bases.add(link.group(1));
            assertThat(anchors).as("a section of docs/supervision.md for #%s", link.group(2)).contains(link.group(2));
        }
        assertThat(alerts).isEqualTo(Pattern.compile("- alert: ").matcher(rules).results().count()).isGreaterThanOrEqualTo(20);
        assertThat(bases).as("one base for every link").hasSize(1);
    }

    private static String promtool(String... arguments) throws IOException, InterruptedException {
        assumeTrue(KubernetesManifestsTest.onPath("promtool"),
                "the monitoring checks need promtool (apt-get install prometheus; .ci/run installs it)");
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("promtool %s:%n%s", String.join(" ", arguments), output).isZero();
        return output;
    }
}
