package fr.paris.casvp.guichet.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #20: every metric the alert rules and the dashboard of {@code deploy/monitoring} read is one the running suite
 * exports (after the journeys and the drills, so that the counters of events that happened exist): a rule on a metric
 * nobody exports would never fire.
 */
@ExtendWith(RunningSuite.class)
@Order(Integer.MAX_VALUE - 1)
class OperatorMetricsIT {

    /**
     * The metrics' families Guichet's monitoring files read from its applications (recording rules' names excepted:
     * they are its own; Kafka's, the databases' and the cluster's series come from Strimzi, CloudNativePG and
     * Kubernetes, not from the suite).
     */
    private static final Pattern METRIC = Pattern.compile(
            "(?<![:\\w])((?:guichet|http_server|kafka_consumer|resilience4j|jvm_gc|hikaricp)_[a-z0-9_]+)");
    /** Counted at their first occurrence only: a suite where no record was ever dead-lettered has none. */
    private static final Set<String> ON_FIRST_EVENT = Set.of("guichet_messaging_dead_lettered_total");
    /** Each component, with the name of its port's variable (GUICHET_<NAME>_PORT): every declared benefit's service too. */
    private static final Map<String, String> COMPONENTS = Stream.concat(Stream.of(Map.entry("gateway", "GATEWAY"),
            Map.entry("beneficiary-service", "BENEFICIARY"), Map.entry("notice-service", "NOTICE")), Benefits.all().stream()
            .map(benefit -> Map.entry(benefit.service(), benefit.code().toUpperCase(java.util.Locale.ROOT))))
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

    private static LocalSuite suite;

    @BeforeAll
    static void suite() {
        suite = RunningSuite.suite();
    }

    @Test
    void everyMetricTheAlertsAndTheDashboardReadIsExported() throws Exception {
        Path monitoring = Path.of(System.getProperty("guichet.root", "..")).resolve("deploy/monitoring");
        Set<String> read = new TreeSet<>();
        for (Path file : List.of(monitoring.resolve("guichet.rules.yaml"), monitoring.resolve("grafana/guichet.json"))) {
            Matcher metric = METRIC.matcher(Files.readString(file));
            while (metric.find()) {
                read.add(family(metric.group(1)));
            }
        }
        read.removeAll(ON_FIRST_EVENT);
        assertThat(read).as("metrics the monitoring files read").hasSizeGreaterThan(20);

        String token = suite.token("superviseur");
        HttpClient http = HttpClient.newHttpClient();
        Set<String> exported = new TreeSet<>();
        for (Map.Entry<String, String> component : COMPONENTS.entrySet()) {
            String url = component.getKey().equals("gateway") ? suite.gateway("/actuator/prometheus")
                    : suite.service(component.getValue(), "/actuator/prometheus");
            HttpResponse<String> scraped = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(scraped.statusCode()).as("%s's metrics", component.getKey()).isEqualTo(200);
            scraped.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> family(line.split("[{ ]", 2)[0])).forEach(exported::add);
        }

        assertThat(exported).as("metrics the suite exports").containsAll(read);
    }

    /** A histogram's or a counter's family: {@code x_bucket}, {@code x_count}, {@code x_sum} and {@code x} alike. */
    private static String family(String name) {
        return name.replaceAll("_(bucket|count|sum)$", "");
    }
}
