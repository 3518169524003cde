package fr.paris.casvp.guichet.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The alert rules of the Kubernetes deployment (a PrometheusRule of the Prometheus Operator), written from the rules
 * file that promtool checks and tests ({@code deploy/monitoring/guichet.rules.yaml}): its groups, as they are. The file
 * is committed ({@code deploy/k8s/base/monitoring/prometheus-rules.yaml}); {@code KubernetesMonitoringTest} fails when
 * it differs from what this writes, so that an alert is written once.
 *
 * <pre>java -cp deploy/local/target/classes fr.paris.casvp.guichet.local.KubernetesMonitoring \
 *     deploy/monitoring/guichet.rules.yaml deploy/k8s/base/monitoring/prometheus-rules.yaml</pre>
 */
public final class KubernetesMonitoring {

    private KubernetesMonitoring() {
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[1]), prometheusRule(Files.readString(Path.of(args[0]))));
    }

    /** The rules file's groups under a PrometheusRule's {@code spec}, its leading comments left out. */
    static String prometheusRule(String rules) {
        List<String> lines = rules.lines().dropWhile(line -> line.startsWith("#") || line.isBlank()).toList();
        if (lines.isEmpty() || !lines.get(0).equals("groups:")) {
            throw new IllegalArgumentException("a Prometheus rules file starts with groups: after its comments");
        }
        StringBuilder yaml = new StringBuilder("""
                # GENERATED from deploy/monitoring/guichet.rules.yaml by KubernetesMonitoring (deploy/local): edit that file, then
                # regenerate this one (deploy/README.md, "Monitoring"). What each alert means: docs/supervision.md.
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: guichet
                  labels:
                    role: alert-rules
                spec:
                """);
        for (String line : lines) {
            yaml.append(line.isEmpty() ? "" : "  " + line).append('\n');
        }
        return yaml.toString();
    }
}
