package fr.paris.casvp.guichet.containers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Kubernetes manifests as {@code kubectl kustomize} renders an overlay: what the container tests take their
 * settings from, so that a container runs with exactly what its Deployment gives it.
 */
final class Manifests {

    private final List<Map<String, Object>> resources;

    private Manifests(List<Map<String, Object>> resources) {
        this.resources = resources;
    }

    static Manifests render(Path root, String overlay) throws IOException, InterruptedException {
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", root.resolve("deploy/k8s/overlays").resolve(overlay).toString())
                .redirectErrorStream(true).start();
        String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize failed: " + output);
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(output)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> resource = (Map<String, Object>) document;
            resources.add(resource);
        }
        return new Manifests(resources);
    }

    Map<String, Object> one(String kind, String name) {
        return resources.stream().filter(r -> kind.equals(r.get("kind")) && name.equals(path(r, "metadata", "name")))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no " + kind + " " + name));
    }

    /** A config map made by kustomize's generator: its name then carries a hash of its content. */
    Map<String, Object> configMap(String name) {
        return resources.stream().filter(r -> "ConfigMap".equals(r.get("kind"))
                        && String.valueOf((Object) path(r, "metadata", "name")).matches(java.util.regex.Pattern.quote(name) + "(-[a-z0-9]+)?"))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no ConfigMap " + name));
    }

    /** A Deployment's container ({@code containers} or {@code initContainers}) by name. */
    Map<String, Object> container(String deployment, String list, String name) {
        List<Map<String, Object>> containers = path(one("Deployment", deployment), "spec", "template", "spec", list);
        return containers.stream().filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + list + " " + name + " in " + deployment));
    }

    /** A container's environment, every value resolved from the cluster's secrets and config maps. */
    static Map<String, String> environment(Map<String, Object> container, Cluster cluster) {
        Map<String, String> env = new LinkedHashMap<>();
        List<Map<String, Object>> entries = path(container, "env");
        for (Map<String, Object> entry : entries) {
            String name = (String) entry.get("name");
            if (entry.containsKey("value")) {
                env.put(name, String.valueOf(entry.get("value")));
            } else if (path(entry, "valueFrom", "secretKeyRef") != null) {
                env.put(name, cluster.secret(path(entry, "valueFrom", "secretKeyRef", "name"), path(entry, "valueFrom", "secretKeyRef", "key")));
            } else if (path(entry, "valueFrom", "configMapKeyRef") != null) {
                env.put(name, cluster.config(path(entry, "valueFrom", "configMapKeyRef", "name"),
                        path(entry, "valueFrom", "configMapKeyRef", "key")));
            } else {
                throw new IllegalArgumentException("a variable the test cannot resolve: " + entry);
            }
        }
        return env;
    }

    @SuppressWarnings("unchecked")
    static <T> T path(Object node, String... steps) {
        Object current = node;
        for (String step : steps) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return (T) current;
    }
}
