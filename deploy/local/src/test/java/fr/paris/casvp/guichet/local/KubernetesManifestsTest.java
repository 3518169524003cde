package fr.paris.casvp.guichet.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.benefit.Benefit;
import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every overlay of {@code deploy/k8s} renders ({@code kubectl kustomize}, as an operator runs it) and gives each
 * application what running it as several instances needs: a Deployment with its probes, resources, a non-root
 * read-only container and a graceful stop, a PodDisruptionBudget and a HorizontalPodAutoscaler; every secret is
 * referenced, none written; each database answers its own service only.
 */
class KubernetesManifestsTest {

    /**
     * The Kafka users: the platform's (gateway, registry, notices), the partners' (treasury, transport operator), the
     * second site's copy (mirror-maker), and one a declared benefit.
     */
    private static final int USERS = 6 + Benefits.all().size();
    private static final List<String> APPLICATIONS = Stream.concat(Stream.of("gateway", "beneficiary-service", "notice-service"),
            Benefits.all().stream().map(Benefit::service)).toList();

    @ParameterizedTest
    @ValueSource(strings = {"production", "local-cluster"})
    void theOverlayRendersWithADeploymentAPdbAndAnHpaForEachApplication(String overlay) throws Exception {
        List<Map<String, Object>> resources = render(overlay);

        for (String application : APPLICATIONS) {
            Map<String, Object> deployment = one(resources, "Deployment", application);
            Map<String, Object> container = path(deployment, "spec.template.spec.containers.0");
            assertThat((Object) path(container, "startupProbe.httpGet.path")).as(application).isEqualTo("/actuator/health/liveness");
            assertThat((Object) path(container, "livenessProbe.httpGet.path")).as(application).isEqualTo("/actuator/health/liveness");
            assertThat((Object) path(container, "readinessProbe.httpGet.path")).as(application).isEqualTo("/actuator/health/readiness");
            assertThat((Object) path(container, "resources.requests.memory")).as(application).isNotNull();
            assertThat((Object) path(container, "resources.limits.memory")).as(application).isNotNull();
            assertThat((Object) path(container, "securityContext.readOnlyRootFilesystem")).as(application).isEqualTo(true);
            assertThat((Object) path(deployment, "spec.template.spec.securityContext.runAsNonRoot")).as(application).isEqualTo(true);
            assertThat((Object) path(deployment, "spec.template.spec.terminationGracePeriodSeconds")).as(application).isEqualTo(45);
            assertThat(envOf(container)).as(application).anySatisfy(env -> assertThat(env).containsEntry("name", "SERVER_SHUTDOWN"));
            // The actuator on its own port: the probes there, the metrics scraped there without a business role.
            assertThat(envOf(container)).as(application).anySatisfy(env -> assertThat(env)
                    .containsEntry("name", "MANAGEMENT_SERVER_PORT").containsEntry("value", "9090"));
            assertThat((Object) path(container, "readinessProbe.httpGet.port")).as(application).isEqualTo("management");
            // Log lines as JSON, spans to the collector (issue #20).
            assertThat(envOf(container)).as(application).anySatisfy(env -> assertThat(env)
                    .containsEntry("name", "LOGGING_STRUCTURED_FORMAT_CONSOLE").containsEntry("value", "ecs"));
            assertThat(envOf(container)).as(application).anySatisfy(env -> assertThat(env)
                    .containsEntry("name", "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT"));
            assertThat((Object) path(one(resources, "PodDisruptionBudget", application), "spec.selector.matchLabels"))
                    .isEqualTo(Map.of("app.kubernetes.io/name", application));
            assertThat((Object) path(one(resources, "HorizontalPodAutoscaler", application), "spec.scaleTargetRef.name"))
                    .isEqualTo(application);
            // Issue #34: with a count in the Deployment, each apply reset what the autoscaler had decided.
            assertThat((Object) path(deployment, "spec.replicas")).as(application + ": the autoscaler decides").isNull();
        }
        assertThat(resources).as("secrets are referenced, never written in the manifests")
                .noneMatch(resource -> "Secret".equals(resource.get("kind")));
        Map<String, String> databases = new HashMap<>(Map.of("beneficiary", "beneficiary-service", "notice", "notice-service"));
        Benefits.all().forEach(benefit -> databases.put(benefit.database(), benefit.service()));
        databases.forEach((database, service) -> {
            one(resources, "Cluster", database + "-db");
            Map<String, Object> policy = one(resources, "NetworkPolicy", database + "-db-from-" + service + "-only");
            assertThat((Object) path(policy, "spec.ingress.0.from.0.podSelector.matchLabels"))
                    .isEqualTo(Map.of("app.kubernetes.io/name", service));
        });
        assertThat(resources.stream().filter(r -> "KafkaTopic".equals(r.get("kind")))).hasSize(2 * Topic.values().size());
        assertThat(resources.stream().filter(r -> "KafkaUser".equals(r.get("kind")))).hasSize(USERS);
    }

    /**
     * Issue #34: the gateway asked each service's readiness on its business port, where the manifests serve no actuator
     * (it is on the management port), and the network policy let it reach the business port only: every benefit would
     * have shown DEGRADED. Each address the gateway is given names a port of the service's Service that leads to the
     * right container port, and the policy lets the gateway reach both.
     */
    @ParameterizedTest
    @ValueSource(strings = {"production", "local-cluster"})
    void theGatewayReachesEachServicesApiAndItsReadinessWhereTheyAnswer(String overlay) throws Exception {
        List<Map<String, Object>> resources = render(overlay);
        Map<String, Object> gateway = path(one(resources, "Deployment", "gateway"), "spec.template.spec.containers.0");
        Map<String, String> env = new HashMap<>();
        envOf(gateway).stream().filter(e -> e.get("value") != null).forEach(e -> env.put((String) e.get("name"), (String) e.get("value")));
        // Each declared benefit's, from the pattern the gateway is given for all of them (BenefitDefaults).
        for (Benefit declared : Benefits.all()) {
            String code = declared.code().toUpperCase(Locale.ROOT);
            env.put("GUICHET_SERVICES_" + code + "_URL", env.get("GUICHET_BENEFIT_SERVICES_URL").replace("{service}", declared.service()));
            env.put("GUICHET_SERVICES_" + code + "_MANAGEMENT_URL",
                    env.get("GUICHET_BENEFIT_SERVICES_MANAGEMENT_URL").replace("{service}", declared.service()));
        }
        for (String benefit : Stream.concat(Stream.of("BENEFICIARIES"), Benefits.codes().stream().map(code -> code.toUpperCase(Locale.ROOT)))
                .toList()) {
            assertThat(containerPortBehind(resources, env.get("GUICHET_SERVICES_" + benefit + "_URL"))).as(benefit + " API")
                    .isEqualTo("http");
            assertThat(containerPortBehind(resources, env.get("GUICHET_SERVICES_" + benefit + "_MANAGEMENT_URL")))
                    .as(benefit + " readiness: the management port").isEqualTo("management");
        }
        Map<String, Object> policy = one(resources, "NetworkPolicy", "services-from-the-gateway-only");
        List<Map<String, Object>> fromGateway = path(policy, "spec.ingress.0.ports");
        assertThat((Object) path(policy, "spec.ingress.0.from.0.podSelector.matchLabels"))
                .isEqualTo(Map.of("app.kubernetes.io/name", "gateway"));
        assertThat(fromGateway).extracting(port -> port.get("port")).contains("http", "management");
        for (String application : APPLICATIONS) {
            Map<String, Object> pod = path(one(resources, "Deployment", application), "spec.template");
            assertThat(selects(path(policy, "spec.podSelector"), path(pod, "metadata.labels")))
                    .as(application + ": answers the gateway only").isEqualTo(!"gateway".equals(application));
        }
    }

    /** The name of the container port that a {@code http://<service>:<port>} address reaches, through its Service. */
    private static String containerPortBehind(List<Map<String, Object>> resources, String address) {
        assertThat(address).as("an address given to the gateway").isNotNull().matches("http://[a-z-]+:\\d+");
        URI uri = URI.create(address);
        Map<String, Object> service = one(resources, "Service", uri.getHost());
        List<Map<String, Object>> ports = path(service, "spec.ports");
        return ports.stream().filter(port -> Integer.valueOf(uri.getPort()).equals(port.get("port")))
                .map(port -> String.valueOf(port.get("targetPort"))).findFirst().orElse("no port " + uri.getPort());
    }

    /**
     * Issue #34: every long-running pod held its database owner's credentials, because the migrations ran at its start.
     * An init container of the service's own image applies them ({@code Migrations}) and alone gets the owner's secret;
     * the service starts afterwards with the application role only, checking the migrations
     * ({@code GUICHET_MIGRATIONS=validate}).
     */
    @ParameterizedTest
    @ValueSource(strings = {"production", "local-cluster"})
    void onlyTheMigrationsInitContainerHoldsTheDatabaseOwnersCredentials(String overlay) throws Exception {
        List<Map<String, Object>> resources = render(overlay);
        for (String database : List.of("beneficiary", "aid", "solidarity", "transport", "notice")) {
            Map<String, Object> pod = path(one(resources, "Deployment", database + "-service"), "spec.template.spec");
            Map<String, Object> service = path(pod, "containers.0");
            assertThat(envOf(service)).as(database + "-service: never the owner's secret").noneMatch(env ->
                    String.valueOf((Object) path(env, "valueFrom.secretKeyRef.name")).equals(database + "-db-owner"));
            assertThat(envOf(service)).anySatisfy(env -> assertThat(env)
                    .containsEntry("name", "GUICHET_MIGRATIONS").containsEntry("value", "validate"));
            List<Map<String, Object>> init = path(pod, "initContainers");
            assertThat(init).as(database + "-service: its migrations container").hasSize(1);
            assertThat((Object) path(init.get(0), "image")).isEqualTo(service.get("image"));
            assertThat(String.valueOf(init.get(0).get("command"))).contains("fr.paris.casvp.guichet.messaging.Migrations");
            assertThat(envOf(init.get(0))).anySatisfy(env -> assertThat((Object) path(env, "valueFrom.secretKeyRef.name"))
                    .isEqualTo(database + "-db-owner"));
        }
    }

    /**
     * Issue #34: the applications spoke to Kafka in clear (SASL_PLAINTEXT), although IBANs travel on payment-orders.v1.
     * Each application reaches a listener of the cluster that has TLS and SCRAM, over SASL_SSL, trusting the cluster's
     * CA; the cluster has no listener without TLS.
     */
    @ParameterizedTest
    @ValueSource(strings = {"production", "local-cluster"})
    void everyApplicationSpeaksToKafkaOverTlsTrustingTheClustersCa(String overlay) throws Exception {
        List<Map<String, Object>> resources = render(overlay);
        List<Map<String, Object>> listeners = path(one(resources, "Kafka", "guichet"), "spec.kafka.listeners");
        assertThat(listeners).as("no listener in clear").allSatisfy(listener -> assertThat(listener.get("tls")).isEqualTo(true));
        for (String application : APPLICATIONS) {
            Map<String, Object> container = path(one(resources, "Deployment", application), "spec.template.spec.containers.0");
            Map<String, Map<String, Object>> env = new HashMap<>();
            envOf(container).forEach(e -> env.put((String) e.get("name"), e));
            assertThat(env.get("SPRING_KAFKA_SECURITY_PROTOCOL")).as(application).containsEntry("value", "SASL_SSL");
            String bootstrap = (String) env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS").get("value");
            assertThat(listeners).as(application + " reaches a TLS listener with SCRAM: " + bootstrap).anySatisfy(listener -> {
                assertThat(bootstrap).isEqualTo("guichet-kafka-bootstrap:" + listener.get("port"));
                assertThat((Object) path(listener, "authentication.type")).isEqualTo("scram-sha-512");
            });
            assertThat((Object) path(env.get("SPRING_KAFKA_SSL_TRUST_STORE_CERTIFICATES"), "valueFrom.secretKeyRef"))
                    .as(application + " trusts the cluster's CA").isEqualTo(Map.of("name", "guichet-cluster-ca-cert", "key", "ca.crt"));
            assertThat(env.get("SPRING_KAFKA_SSL_TRUST_STORE_TYPE")).as(application + ": a PEM certificate").containsEntry("value", "PEM");
        }
    }

    /**
     * Issue #34: nothing made the namespace the overlays put everything in, and nothing let anyone reach the gateway
     * from outside the cluster. One Namespace holds every resource; the gateway has an Ingress in HTTPS for the
     * address people are given ({@code public-url}), and nothing else is exposed.
     */
    @ParameterizedTest
    @ValueSource(strings = {"production", "local-cluster"})
    void everythingLivesInItsNamespaceAndTheGatewayAloneIsReachedFromOutsideInHttps(String overlay) throws Exception {
        List<Map<String, Object>> resources = render(overlay);
        List<Map<String, Object>> namespaces = resources.stream().filter(r -> "Namespace".equals(r.get("kind"))).toList();
        assertThat(namespaces).hasSize(1);
        String namespace = path(namespaces.get(0), "metadata.name");
        assertThat(resources.stream().filter(r -> !"Namespace".equals(r.get("kind"))).map(r -> (String) path(r, "metadata.namespace")))
                .as("every resource in it").containsOnly(namespace);
        assertThat((Object) path(namespaces.get(0), "metadata.labels")).asString().contains("pod-security.kubernetes.io/enforce");

        List<Map<String, Object>> ingresses = resources.stream().filter(r -> "Ingress".equals(r.get("kind"))).toList();
        assertThat(ingresses).hasSize(1);
        Map<String, Object> ingress = ingresses.get(0);
        String publicHost = URI.create(resources.stream().filter(r -> "ConfigMap".equals(r.get("kind")))
                .map(r -> (String) path(r, "data.public-url")).filter(url -> url != null).findFirst().orElseThrow()).getHost();
        assertThat((Object) path(ingress, "spec.rules.0.host")).isEqualTo(publicHost);
        assertThat((Object) path(ingress, "spec.tls.0.hosts.0")).as("its certificate names it").isEqualTo(publicHost);
        assertThat((Object) path(ingress, "spec.tls.0.secretName")).isNotNull();
        assertThat((Object) path(ingress, "spec.rules.0.http.paths.0.backend.service.name")).isEqualTo("gateway");
    }

    /**
     * Issue #34: the manifests named images no build made. Each application's Deployment names the image its module's
     * build makes, {@code guichet/<module>:<version>} (deploy/images); the production overlay points them at a release.
     */
    @ParameterizedTest
    @ValueSource(strings = {"local-cluster"})
    void eachDeploymentRunsTheImageTheBuildMakes(String overlay) throws Exception {
        String version = System.getProperty("guichet.version");
        assertThat(version).as("the build's version, given by the pom").isNotBlank();
        List<Map<String, Object>> resources = render(overlay);
        for (String application : APPLICATIONS) {
            assertThat((Object) path(one(resources, "Deployment", application), "spec.template.spec.containers.0.image"))
                    .isEqualTo("guichet/" + application + ":" + version);
            assertThat(Path.of("../..", application, "pom.xml")).as("a module makes it").content()
                    .contains("<artifactId>" + application + "</artifactId>", "<jib.skip>false</jib.skip>");
        }
    }

    /**
     * Every resource of a built-in kind is valid against the Kubernetes API's schema (the generated models of
     * client-java-api): no unknown field, every required one, the right types. Strimzi's and CloudNativePG's resources
     * are checked by their operators when applied; here only that they render.
     */
    @ParameterizedTest
    @ValueSource(strings = {"production", "local-cluster"})
    void everyBuiltInResourceIsValidAgainstTheKubernetesSchema(String overlay) throws Exception {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (Map<String, Object> resource : render(overlay)) {
            var model = KubernetesSchema.modelOf((String) resource.get("apiVersion"), (String) resource.get("kind"));
            if (model.isPresent()) {
                violations.addAll(KubernetesSchema.violations(resource, model.get()));
                checked++;
            }
        }
        assertThat(checked).as("built-in resources checked").isGreaterThanOrEqualTo(31);
        assertThat(violations).isEmpty();
    }

    /**
     * Every Strimzi resource (the cluster, its node pool, the topics, the users) is valid against Strimzi's API model
     * ({@link StrimziSchema}). CloudNativePG publishes no model to Maven Central: its clusters are checked by the
     * operator when applied.
     */
    @ParameterizedTest
    @ValueSource(strings = {"production", "local-cluster"})
    void everyStrimziResourceIsValidAgainstStrimzisModel(String overlay) throws Exception {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (Map<String, Object> resource : render(overlay)) {
            var model = StrimziSchema.modelOf((String) resource.get("apiVersion"), (String) resource.get("kind"));
            if (model.isPresent()) {
                violations.addAll(StrimziSchema.violations(resource, model.get()));
                checked++;
            }
        }
        assertThat(checked).as("the cluster, its node pool, the topics and the users").isEqualTo(2 + 2 * Topic.values().size() + USERS);
        assertThat(violations).isEmpty();
    }

    @Test
    void theStrimziCheckFindsAnUnknownFieldAndAWrongType() {
        Map<String, Object> misspelt = Map.of("apiVersion", "kafka.strimzi.io/v1beta2", "kind", "KafkaTopic",
                "metadata", Map.of("name", "t"), "spec", Map.of("partitons", 12, "replicas", 3));
        Map<String, Object> wrongType = Map.of("apiVersion", "kafka.strimzi.io/v1beta2", "kind", "KafkaTopic",
                "metadata", Map.of("name", "u"), "spec", Map.of("partitions", "twelve"));
        Class<?> topic = StrimziSchema.modelOf("kafka.strimzi.io/v1beta2", "KafkaTopic").orElseThrow();

        assertThat(StrimziSchema.violations(misspelt, topic)).containsExactly("KafkaTopic/t.spec.partitons: no such field in KafkaTopicSpec");
        assertThat(StrimziSchema.violations(wrongType, topic)).singleElement().asString().startsWith("KafkaTopic/u: ").contains("twelve");
        assertThat(StrimziSchema.modelOf("postgresql.cnpg.io/v1", "Cluster")).isEmpty();
    }

    @Test
    void theSchemaCheckFindsAnUnknownFieldAMissingRequiredOneAndAWrongType() {
        Map<String, Object> deployment = Map.of("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", Map.of("name", "x"),
                "spec", Map.of("replicas", "three", "selector", Map.of("matchLabels", Map.of("a", "b")),
                        "template", Map.of("spec", Map.of("containers", List.of(Map.of("name", "x", "imagePullPolcy", "Always")))),
                        "strategy", Map.of()));
        Map<String, Object> noSelector = Map.of("apiVersion", "apps/v1", "kind", "Deployment", "metadata", Map.of("name", "y"),
                "spec", Map.of("template", Map.of()));

        assertThat(KubernetesSchema.violations(deployment, KubernetesSchema.modelOf("apps/v1", "Deployment").orElseThrow()))
                .containsExactlyInAnyOrder("Deployment/x.spec.replicas: an integer is expected",
                        "Deployment/x.spec.template.spec.containers[0].imagePullPolcy: no such field in V1Container");
        assertThat(KubernetesSchema.violations(noSelector, KubernetesSchema.modelOf("apps/v1", "Deployment").orElseThrow()))
                .contains("Deployment/y.spec: selector is required");
        assertThat(KubernetesSchema.modelOf("kafka.strimzi.io/v1beta2", "KafkaTopic")).isEmpty();
        assertThat(KubernetesSchema.modelOf("autoscaling/v2", "HorizontalPodAutoscaler")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"production"})
    void productionRunsThreeInstancesOfEverythingAndBacksUpEachDatabase(String overlay) throws Exception {
        List<Map<String, Object>> resources = render(overlay);
        String tag = KubernetesBenefits.releaseTag(Files.readString(Path.of("../k8s").resolve(KubernetesBenefits.RELEASE)));
        for (String application : APPLICATIONS) {
            assertThat((Object) path(one(resources, "HorizontalPodAutoscaler", application), "spec.minReplicas")).isEqualTo(3);
            assertThat((Object) path(one(resources, "Deployment", application), "spec.template.spec.containers.0.image"))
                    .as("the release's image").isEqualTo(KubernetesBenefits.REGISTRY + application + ":" + tag);
        }
        // Issue #35: WAL archiving through backup.barmanObjectStore (deprecated since CloudNativePG 1.26), and no base
        // backup ever taken. Each database archives through the Barman Cloud plugin into an object store that keeps
        // 30 days, and has a nightly ScheduledBackup by the plugin.
        List<Map<String, Object>> clusters = resources.stream().filter(r -> "Cluster".equals(r.get("kind"))).toList();
        assertThat(clusters).hasSize(2 + Benefits.all().size()).allSatisfy(cluster -> {
            assertThat((Object) path(cluster, "spec.backup")).as("the deprecated in-tree backup").isNull();
            assertThat((Object) path(cluster, "spec.plugins.0.name")).isEqualTo("barman-cloud.cloudnative-pg.io");
            assertThat((Object) path(cluster, "spec.plugins.0.isWALArchiver")).isEqualTo(true);
            Map<String, Object> store = one(resources, "ObjectStore", path(cluster, "spec.plugins.0.parameters.barmanObjectName"));
            assertThat((Object) path(store, "spec.retentionPolicy")).isEqualTo("30d");
            assertThat(resources).as("a nightly backup of " + path(cluster, "metadata.name")).anySatisfy(backup -> {
                assertThat(backup.get("kind")).isEqualTo("ScheduledBackup");
                assertThat((Object) path(backup, "spec.cluster.name")).isEqualTo(path(cluster, "metadata.name"));
                assertThat((Object) path(backup, "spec.method")).isEqualTo("plugin");
                assertThat((Object) path(backup, "spec.pluginConfiguration.name")).isEqualTo("barman-cloud.cloudnative-pg.io");
                assertThat((String) path(backup, "spec.schedule")).as("seconds first, once a day").matches("0 \\d+ \\d+ \\* \\* \\*");
            });
        });
    }

    /**
     * Issue #35: nothing was scraped. Each application's pods are selected by a PodMonitor on a port their container
     * has, which the network lets the monitoring namespace reach; Kafka exposes its metrics (Strimzi's exporter, from a
     * config map that exists) to a PodMonitor; the databases' metrics port is open to the monitoring; the alert rules
     * are a PrometheusRule.
     */
    @ParameterizedTest
    @ValueSource(strings = {"production", "local-cluster"})
    void everyApplicationKafkaAndTheDatabasesAreScrapedAndTheAlertsLoaded(String overlay) throws Exception {
        List<Map<String, Object>> resources = render(overlay);
        Map<String, Object> applications = one(resources, "PodMonitor", "guichet-applications");
        String port = path(applications, "spec.podMetricsEndpoints.0.port");
        List<Map<String, Object>> policies = resources.stream().filter(r -> "NetworkPolicy".equals(r.get("kind"))).toList();
        for (String application : APPLICATIONS) {
            Map<String, Object> pod = path(one(resources, "Deployment", application), "spec.template");
            assertThat(selects(path(applications, "spec.selector"), path(pod, "metadata.labels"))).as(application + " scraped").isTrue();
            List<Map<String, Object>> ports = path(pod, "spec.containers.0.ports");
            assertThat(ports).extracting(p -> p.get("name")).as(application + " names the scraped port").contains(port);
            assertThat(policies).as(application + ": the monitoring may reach " + port).anySatisfy(policy -> {
                assertThat(selects(path(policy, "spec.podSelector"), path(pod, "metadata.labels"))).isTrue();
                List<Map<String, Object>> rules = path(policy, "spec.ingress");
                assertThat(rules).anySatisfy(rule -> {
                    assertThat((Object) path(rule, "from.0.namespaceSelector.matchLabels"))
                            .isEqualTo(Map.of("kubernetes.io/metadata.name", "monitoring"));
                    assertThat((List<Map<String, Object>>) path(rule, "ports")).extracting(p -> p.get("port")).contains(port);
                });
            });
        }
        Map<String, Object> kafka = one(resources, "Kafka", "guichet");
        assertThat((Object) path(kafka, "spec.kafka.metricsConfig.type")).isEqualTo("jmxPrometheusExporter");
        one(resources, "ConfigMap", path(kafka, "spec.kafka.metricsConfig.valueFrom.configMapKeyRef.name"));
        assertThat((Object) path(one(resources, "PodMonitor", "guichet-kafka"), "spec.podMetricsEndpoints.0.port"))
                .as("Strimzi's name for the exporter's port").isEqualTo("tcp-prometheus");
        assertThat((Object) path(one(resources, "PodMonitor", "guichet-databases"), "spec.podMetricsEndpoints.0.port")).isEqualTo("metrics");
        Map<String, Object> databases = one(resources, "NetworkPolicy", "databases-metrics-from-monitoring");
        assertThat((Object) path(databases, "spec.ingress.0.ports.0.port")).as("CloudNativePG's metrics port").isEqualTo(9187);
        assertThat(resources.stream().filter(r -> "Cluster".equals(r.get("kind"))))
                .allSatisfy(cluster -> assertThat(selects(path(databases, "spec.podSelector"),
                        Map.of("cnpg.io/cluster", path(cluster, "metadata.name")))).isTrue());
        assertThat((List<?>) path(one(resources, "PrometheusRule", "guichet"), "spec.groups")).hasSizeGreaterThanOrEqualTo(3);
    }

    /**
     * Issue #35: both Kafka listeners were internal, so no partner could connect. The external listener speaks TLS
     * with SCRAM-SHA-512, only to the partners' networks, at the address the contract gives partners (the AsyncAPI
     * server {@code partners}), which the brokers' certificates name.
     */
    @ParameterizedTest
    @ValueSource(strings = {"production", "local-cluster"})
    void partnersReachKafkaFromOutsideOverTlsAtTheAddressTheContractGives(String overlay) throws Exception {
        Map<String, Object> contract = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(Path.of("../../docs/asyncapi.yaml")));
        URI partners = URI.create("kafka://" + path(contract, "servers.partners.host"));
        List<Map<String, Object>> listeners = path(one(render(overlay), "Kafka", "guichet"), "spec.kafka.listeners");
        List<Map<String, Object>> external = listeners.stream()
                .filter(listener -> List.of("loadbalancer", "nodeport", "ingress", "route").contains(listener.get("type"))).toList();
        assertThat(external).as("a listener reached from outside the cluster").singleElement().satisfies(listener -> {
            assertThat(listener.get("tls")).isEqualTo(true);
            assertThat((Object) path(listener, "authentication.type")).isEqualTo("scram-sha-512");
            assertThat(listener.get("port")).isEqualTo(partners.getPort());
            assertThat((List<String>) path(listener, "configuration.bootstrap.alternativeNames")).as("named in the brokers' certificates")
                    .contains(partners.getHost());
            assertThat((List<?>) listener.get("networkPolicyPeers")).as("the partners' networks only").isNotEmpty();
        });
        assertThat(listeners).filteredOn(listener -> !Boolean.TRUE.equals(listener.get("tls"))).as("no listener in clear").isEmpty();
    }

    /**
     * Issue #35: production sent the notices to the city's relay without signing in and without asking for TLS. There
     * notice-service signs in with the account of the secret smtp-credentials and requires STARTTLS (nothing is sent
     * in clear); the local cluster's test relay takes neither.
     */
    @Test
    void inProductionTheNoticesGoToTheRelaySignedInAndOverTlsOnly() throws Exception {
        Map<String, Object> production = path(one(render("production"), "Deployment", "notice-service"), "spec.template.spec.containers.0");
        Map<String, Map<String, Object>> env = new HashMap<>();
        envOf(production).forEach(e -> env.put((String) e.get("name"), e));
        assertThat(env.get("SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED")).containsEntry("value", "true");
        assertThat(env.get("SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE")).containsEntry("value", "true");
        for (String name : List.of("USERNAME", "PASSWORD")) {
            assertThat((Object) path(env.get("SPRING_MAIL_" + name), "valueFrom.secretKeyRef.name")).isEqualTo("smtp-credentials");
        }
        Map<String, Object> local = path(one(render("local-cluster"), "Deployment", "notice-service"), "spec.template.spec.containers.0");
        assertThat(envOf(local)).noneMatch(e -> ((String) e.get("name")).startsWith("SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS")
                || "SPRING_MAIL_PASSWORD".equals(e.get("name")));
    }

    /**
     * Issue #35: what only Kafka holds (the queued commands, their QUEUED receipts, the receipt series) had no copy
     * anywhere. The second site ({@code deploy/k8s/disaster-recovery}) mirrors exactly those topics, under the same
     * names, into topics made with the same settings, reading the first cluster where its external listener answers, as
     * the read-only principal of access.yaml; every Strimzi resource there is valid against Strimzi's model.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theSecondSiteKeepsACopyOfWhatOnlyKafkaHoldsUnderTheSameNames() throws Exception {
        List<Map<String, Object>> resources = render(Path.of("../k8s/disaster-recovery"));
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> resource : resources) {
            StrimziSchema.modelOf((String) resource.get("apiVersion"), (String) resource.get("kind"))
                    .ifPresent(model -> violations.addAll(StrimziSchema.violations(resource, model)));
            if (!"Namespace".equals(resource.get("kind"))) {
                assertThat((Object) path(resource, "metadata.namespace")).as("%s", (Object) path(resource, "metadata.name")).isEqualTo("guichet-dr");
            }
        }
        assertThat(violations).isEmpty();

        Map<String, Object> mirrorMaker = one(resources, "KafkaMirrorMaker2", "guichet-copy");
        Map<String, Object> mirror = ((List<Map<String, Object>>) path(mirrorMaker, "spec.mirrors")).get(0);
        String pattern = (String) mirror.get("topicsPattern");
        // Every declared benefit's queue by one pattern (a benefit declared tomorrow is copied with no edit here), and
        // nothing else: checked topic by topic.
        for (Topic topic : Topic.values()) {
            assertThat(topic.topicName().matches(pattern)).as(topic.topicName()).isEqualTo(Topic.heldOnlyByKafka().contains(topic));
            assertThat(topic.deadLetterTopicName().matches(pattern)).as(topic.deadLetterTopicName()).isFalse();
        }
        assertThat(((Map<String, Object>) path(mirror, "sourceConnector.config")).get("replication.policy.class"))
                .isEqualTo("org.apache.kafka.connect.mirror.IdentityReplicationPolicy");
        for (Topic topic : Topic.heldOnlyByKafka()) {
            Map<String, Object> copy = one(resources, "KafkaTopic", topic.topicName());
            assertThat((Map<String, Object>) path(copy, "spec.config")).as(topic.topicName()).containsAllEntriesOf(topic.configs());
        }

        assertThat((Object) path(mirror, "source.authentication.username")).isEqualTo("mirror-maker");
        KafkaAccess.Principal reader = KafkaAccess.read(Path.of("../kafka/access.yaml")).principals().get("mirror-maker");
        assertThat(reader.produces()).as("the mirror writes nothing on the first cluster").isEmpty();
        assertThat(reader.consumes()).containsExactlyInAnyOrderElementsOf(Topic.heldOnlyByKafka().stream().map(Topic::topicName).toList());
        List<Map<String, Object>> listeners = path(one(render("production"), "Kafka", "guichet"), "spec.kafka.listeners");
        Map<String, Object> external = listeners.stream().filter(l -> "external".equals(l.get("name"))).findFirst().orElseThrow();
        assertThat((Object) path(mirror, "source.bootstrapServers")).isEqualTo(
                ((List<String>) path(external, "configuration.bootstrap.alternativeNames")).get(0) + ":" + external.get("port"));
    }

    /** Whether a label selector ({@code matchLabels}, {@code matchExpressions} In and Exists) selects these labels. */
    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        Map<String, Object> matchLabels = path(selector, "matchLabels");
        if (matchLabels != null && !matchLabels.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))) {
            return false;
        }
        List<Map<String, Object>> expressions = path(selector, "matchExpressions");
        return expressions == null || expressions.stream().allMatch(e -> switch ((String) e.get("operator")) {
            case "In" -> ((List<?>) e.get("values")).contains(labels.get(e.get("key")));
            case "Exists" -> labels.containsKey(e.get("key"));
            default -> throw new IllegalArgumentException("an operator this check does not know: " + e);
        });
    }

    private static List<Map<String, Object>> render(String overlay) throws IOException, InterruptedException {
        return render(Path.of("../k8s/overlays", overlay));
    }

    private static List<Map<String, Object>> render(Path kustomization) throws IOException, InterruptedException {
        assumeTrue(onPath("kubectl"), "the manifests' checks need kubectl (apt-get install kubectl; .ci/run checks it)");
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", kustomization.toString()).redirectErrorStream(true).start();
        String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue()).as(output).isZero();
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(output)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> resource = (Map<String, Object>) document;
            resources.add(resource);
        }
        return resources;
    }

    private static Map<String, Object> one(List<Map<String, Object>> resources, String kind, String name) {
        List<Map<String, Object>> found = resources.stream()
                .filter(r -> kind.equals(r.get("kind")) && name.equals(path(r, "metadata.name"))).toList();
        assertThat(found).as(kind + " " + name).hasSize(1);
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> envOf(Map<String, Object> container) {
        return (List<Map<String, Object>>) container.get("env");
    }

    @SuppressWarnings("unchecked")
    private static <T> T path(Map<String, Object> node, String path) {
        Object current = node;
        for (String step : path.split("\\.")) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(step);
            } else if (current instanceof List<?> list && step.matches("\\d+")) {
                current = Integer.parseInt(step) < list.size() ? list.get(Integer.parseInt(step)) : null;
            } else {
                return null;
            }
        }
        return (T) current;
    }

    static boolean onPath(String command) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(folder, command))) {
                return true;
            }
        }
        return false;
    }
}
