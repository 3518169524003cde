package fr.paris.casvp.guichet.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The PrometheusRule of the Kubernetes deployment is the rules file promtool tests, as {@link KubernetesMonitoring} writes it. */
class KubernetesMonitoringTest {

    private static final Path DEPLOY = Path.of("..");

    @Test
    void theClustersAlertRulesAreThoseTheUnitTestsCheck() throws Exception {
        String rules = Files.readString(DEPLOY.resolve("monitoring/guichet.rules.yaml"));
        assertThat(Files.readString(DEPLOY.resolve("k8s/base/monitoring/prometheus-rules.yaml")))
                .as("prometheus-rules.yaml is out of date: regenerate it with java -cp deploy/local/target/classes "
                        + "fr.paris.casvp.guichet.local.KubernetesMonitoring deploy/monitoring/guichet.rules.yaml "
                        + "deploy/k8s/base/monitoring/prometheus-rules.yaml")
                .isEqualTo(KubernetesMonitoring.prometheusRule(rules));
        Map<String, Object> resource = new Yaml().load(KubernetesMonitoring.prometheusRule(rules));
        Map<String, Object> file = new Yaml().load(rules);
        assertThat(((Map<?, ?>) resource.get("spec")).get("groups")).as("the same groups, parsed").isEqualTo(file.get("groups"));
        assertThat((List<?>) file.get("groups")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aFileThatIsNotARulesFileIsRefused() {
        assertThatThrownBy(() -> KubernetesMonitoring.prometheusRule("# comment\nrule_files:\n  - x.yaml\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
