package fr.paris.casvp.guichet.local;

import fr.paris.casvp.guichet.contracts.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.Uuid;

/**
 * The Kafka of the container tests (image {@code guichet/test-kafka}): a single KRaft node made as Strimzi makes a
 * cluster for Guichet. Clients connect on its TLS listener, {@code SASL_SSL} with SCRAM-SHA-512 on port 9093, under the
 * name {@code KAFKA_ADVERTISED_HOST} (the address a Deployment gives, {@code guichet-kafka-bootstrap}); the topics, users
 * and ACLs are then made from {@code deploy/kafka/access.yaml} and {@code Topic}, as Strimzi's operators make them from
 * the KafkaTopic and KafkaUser resources ({@link LocalKafkaSetup}, through a listener on the container's loopback that
 * only the administrator uses). "Guichet Kafka ready" is printed once they are.
 *
 * <p>Read from the environment: {@code KAFKA_ADVERTISED_HOST}; {@code KAFKA_SECRETS}, a folder holding
 * {@code admin.password} and {@code <principal>.password} for each principal (the test writes them; nothing is made
 * here); {@code KAFKA_KEYSTORE} and {@code KAFKA_KEYSTORE_PASSWORD}, the broker's key and certificate (PKCS#12, signed
 * by the CA the clients trust); and, for a second cluster that keeps a copy of what only Kafka holds,
 * {@code KAFKA_MIRROR_FROM} (the source cluster's TLS bootstrap address) and {@code KAFKA_MIRROR_CA} (the CA it is
 * trusted with, PEM): MirrorMaker 2 then runs beside the broker ({@link #mirrorProperties}).
 */
public final class ContainerKafka {

    static final int TLS_PORT = 9093;
    private static final int ADMIN_PORT = 9092;
    private static final int CONTROLLER_PORT = 9095;
    /** The principal MirrorMaker 2 reads the source cluster as ({@code deploy/kafka/access.yaml}). */
    static final String MIRROR_PRINCIPAL = "mirror-maker";
    /** The alias of the cluster MirrorMaker 2 writes to: this one. */
    static final String MIRROR_TARGET = "backup";

    private ContainerKafka() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Path secrets = Path.of(required(env, "KAFKA_SECRETS"));
        String admin = Files.readString(secrets.resolve("admin.password")).trim();
        Path dir = Path.of(Optional.ofNullable(env.get("KAFKA_DATA")).orElse("/tmp/kafka"));
        Files.createDirectories(dir.resolve("data"));
        Path properties = dir.resolve("server.properties");
        Files.writeString(properties, serverProperties(required(env, "KAFKA_ADVERTISED_HOST"), admin, required(env, "KAFKA_KEYSTORE"),
                required(env, "KAFKA_KEYSTORE_PASSWORD"), dir.resolve("data")));

        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dlog4j2.configurationFile=" + Optional.ofNullable(env.get("KAFKA_LOG4J2")).orElse("/etc/guichet/kafka-log4j2.yaml"),
                "-cp", System.getProperty("java.class.path")));
        if (!Files.exists(dir.resolve("data/meta.properties"))) {
            run(java, "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", properties.toString());
        }
        List<String> broker = new ArrayList<>(java);
        broker.addAll(List.of("kafka.Kafka", properties.toString()));
        Process server = new ProcessBuilder(broker).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::destroy));
        awaitPort(ADMIN_PORT, server);
        LocalKafkaSetup.main(new String[] {"127.0.0.1:" + ADMIN_PORT, secrets.toString(),
                Optional.ofNullable(env.get("KAFKA_ACCESS")).orElse("/etc/guichet/access.yaml")});
        String mirrorFrom = env.get("KAFKA_MIRROR_FROM");
        if (mirrorFrom != null && !mirrorFrom.isBlank()) {
            Path mirrorProperties = dir.resolve("mirror-maker.properties");
            Files.writeString(mirrorProperties, mirrorProperties(mirrorFrom, Files.readString(secrets.resolve(MIRROR_PRINCIPAL + ".password")).trim(),
                    required(env, "KAFKA_MIRROR_CA"), admin));
            List<String> mirror = new ArrayList<>(java);
            mirror.addAll(List.of("org.apache.kafka.connect.mirror.MirrorMaker", mirrorProperties.toString(), "--clusters", MIRROR_TARGET));
            Process mirrorMaker = new ProcessBuilder(mirror).inheritIO().start();
            Runtime.getRuntime().addShutdownHook(new Thread(mirrorMaker::destroy));
        }
        System.out.println("Guichet Kafka ready");
        System.exit(server.waitFor());
    }

    static String serverProperties(String advertisedHost, String adminPassword, String keystore, String keystorePassword, Path data) {
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\"%s\" user_admin=\"%s\";"
                .formatted(adminPassword, adminPassword);
        return String.join("\n",
                "# Written by ContainerKafka at each start: one KRaft node, clients over SASL_SSL, ACLs enforced.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + CONTROLLER_PORT,
                "listeners=TLS://0.0.0.0:" + TLS_PORT + ",ADMIN://127.0.0.1:" + ADMIN_PORT + ",CONTROLLER://127.0.0.1:" + CONTROLLER_PORT,
                "advertised.listeners=TLS://" + advertisedHost + ":" + TLS_PORT + ",ADMIN://127.0.0.1:" + ADMIN_PORT,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=TLS:SASL_SSL,ADMIN:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT",
                "inter.broker.listener.name=ADMIN",
                "sasl.enabled.mechanisms=PLAIN",
                "sasl.mechanism.inter.broker.protocol=PLAIN",
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config=" + plain,
                "listener.name.admin.sasl.enabled.mechanisms=PLAIN",
                "listener.name.admin.plain.sasl.jaas.config=" + plain,
                "listener.name.tls.sasl.enabled.mechanisms=SCRAM-SHA-512",
                "listener.name.tls.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "listener.name.tls.ssl.keystore.type=PKCS12",
                "listener.name.tls.ssl.keystore.location=" + keystore,
                "listener.name.tls.ssl.keystore.password=" + keystorePassword,
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=User:admin",
                "allow.everyone.if.no.acl.found=false",
                "log.dirs=" + data,
                "num.partitions=12",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "");
    }

    /**
     * MirrorMaker 2 in its dedicated mode, as the second site runs it: what only Kafka holds ({@link Topic#heldOnlyByKafka()})
     * copied from the source cluster (over TLS, as {@value #MIRROR_PRINCIPAL}) into this one (as its administrator), under
     * the same names (IdentityReplicationPolicy), partition for partition, with the records' headers and timestamps. No
     * heartbeats, checkpoints, offsets, ACLs or topic settings are mirrored: the topics are made here as on the source
     * ({@link LocalKafkaSetup}), and what a restore needs is the records.
     */
    static String mirrorProperties(String source, String password, String caFile, String adminPassword) {
        String scram = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"%s\" password=\"%s\";"
                .formatted(MIRROR_PRINCIPAL, password);
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\"%s\";"
                .formatted(adminPassword);
        return String.join("\n",
                "# Written by ContainerKafka: MirrorMaker 2 from the Guichet cluster into this one.",
                "clusters=guichet, " + MIRROR_TARGET,
                "guichet.bootstrap.servers=" + source,
                "guichet.security.protocol=SASL_SSL",
                "guichet.sasl.mechanism=SCRAM-SHA-512",
                "guichet.sasl.jaas.config=" + scram,
                "guichet.ssl.truststore.type=PEM",
                "guichet.ssl.truststore.location=" + caFile,
                MIRROR_TARGET + ".bootstrap.servers=127.0.0.1:" + ADMIN_PORT,
                MIRROR_TARGET + ".security.protocol=SASL_PLAINTEXT",
                MIRROR_TARGET + ".sasl.mechanism=PLAIN",
                MIRROR_TARGET + ".sasl.jaas.config=" + plain,
                "guichet->" + MIRROR_TARGET + ".enabled=true",
                // A properties file reads a backslash as an escape: doubled, the pattern's dots stay literal.
                "guichet->" + MIRROR_TARGET + ".topics=" + Topic.heldOnlyByKafkaPattern().replace("\\", "\\\\"),
                MIRROR_TARGET + "->guichet.enabled=false",
                "replication.policy.class=org.apache.kafka.connect.mirror.IdentityReplicationPolicy",
                "emit.heartbeats.enabled=false",
                "emit.checkpoints.enabled=false",
                "sync.group.offsets.enabled=false",
                "sync.topic.acls.enabled=false",
                "sync.topic.configs.enabled=false",
                "offset-syncs.topic.location=target",
                "refresh.topics.interval.seconds=30",
                "plugin.discovery=service_load",
                "tasks.max=1",
                "replication.factor=1",
                "offset-syncs.topic.replication.factor=1",
                "checkpoints.topic.replication.factor=1",
                "heartbeats.topic.replication.factor=1",
                "config.storage.replication.factor=1",
                "offset.storage.replication.factor=1",
                "status.storage.replication.factor=1",
                "");
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("ContainerKafka needs " + name);
        }
        return value;
    }

    private static void run(List<String> java, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(java);
        line.addAll(List.of(command));
        int exit = new ProcessBuilder(line).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + exit);
        }
    }

    private static void awaitPort(int port, Process server) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the broker stopped: " + server.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new UncheckedIOException(new IOException("the broker did not listen on " + port + " within 3 minutes"));
    }
}
