package fr.paris.casvp.guichet.local;

import fr.paris.casvp.guichet.contracts.Topic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * Makes the local broker what {@code deploy/kafka/access.yaml} and {@link Topic} say, as its administrator: every topic
 * and its dead-letter topic created when missing; one SCRAM-SHA-512 user per principal (its password made once in the
 * secrets folder, {@code <principal>.password}, and kept); the ACLs made to match the file exactly (those it no longer
 * names are removed, and so are users it no longer names).
 *
 * <pre>java ... LocalKafkaSetup &lt;bootstrap servers&gt; &lt;secrets folder&gt; &lt;access file&gt;</pre>
 *
 * The administrator signs in with SASL PLAIN and the password of {@code admin.password} in the secrets folder, which
 * {@code ./guichet} writes before the broker starts.
 */
public final class LocalKafkaSetup {

    static final String ADMIN = "admin";
    private static final int SCRAM_ITERATIONS = 8192;

    private LocalKafkaSetup() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: LocalKafkaSetup <bootstrap servers> <secrets folder> <access file>");
        }
        Path secrets = Path.of(args[1]);
        KafkaAccess access = KafkaAccess.read(Path.of(args[2]));
        try (Admin admin = Admin.create(adminConfig(args[0], Files.readString(secrets.resolve(ADMIN + ".password")).trim()))) {
            createTopics(admin);
            users(admin, access, secrets);
            acls(admin, access);
        }
    }

    static Properties adminConfig(String bootstrapServers, String password) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "username=\"" + ADMIN + "\" password=\"" + password + "\";");
        return config;
    }

    private static void createTopics(Admin admin) throws Exception {
        Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            if (!existing.contains(topic.topicName())) {
                missing.add(new NewTopic(topic.topicName(), Topic.DEFAULT_PARTITIONS, (short) 1).configs(topic.configs()));
            }
            if (!existing.contains(topic.deadLetterTopicName())) {
                missing.add(new NewTopic(topic.deadLetterTopicName(), Topic.DEFAULT_PARTITIONS, (short) 1)
                        .configs(Topic.deadLetterConfigs()));
            }
        }
        admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
        // Those made by an older state get the settings of today's source (retention, compaction).
        Map<ConfigResource, Collection<AlterConfigOp>> settings = new HashMap<>();
        for (Topic topic : Topic.values()) {
            settings.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.topicName()), set(topic.configs()));
            settings.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.deadLetterTopicName()), set(Topic.deadLetterConfigs()));
        }
        admin.incrementalAlterConfigs(settings).all().get(60, TimeUnit.SECONDS);
        System.out.println("Topics: " + (existing.size() + missing.size()) + " (" + missing.size() + " created)");
    }

    private static Collection<AlterConfigOp> set(Map<String, String> configs) {
        return configs.entrySet().stream()
                .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET)).toList();
    }

    private static void users(Admin admin, KafkaAccess access, Path secrets) throws Exception {
        List<UserScramCredentialAlteration> alterations = new ArrayList<>();
        for (String principal : access.principals().keySet()) {
            alterations.add(new UserScramCredentialUpsertion(principal,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password(secrets, principal)));
        }
        Set<String> known = new HashSet<>(admin.describeUserScramCredentials().users().get(60, TimeUnit.SECONDS));
        known.removeAll(access.principals().keySet());
        for (String gone : known) {
            alterations.add(new UserScramCredentialDeletion(gone, ScramMechanism.SCRAM_SHA_512));
        }
        admin.alterUserScramCredentials(alterations).all().get(60, TimeUnit.SECONDS);
        System.out.println("Kafka users: " + access.principals().keySet() + (known.isEmpty() ? "" : ", removed " + known));
    }

    private static void acls(Admin admin, KafkaAccess access) throws Exception {
        Set<AclBinding> wanted = access.bindings();
        Set<AclBinding> existing = new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get(60, TimeUnit.SECONDS));
        List<AclBindingFilter> stale = existing.stream().filter(binding -> !wanted.contains(binding))
                .map(AclBinding::toFilter).toList();
        if (!stale.isEmpty()) {
            admin.deleteAcls(stale).all().get(60, TimeUnit.SECONDS);
        }
        List<AclBinding> missing = wanted.stream().filter(binding -> !existing.contains(binding)).toList();
        admin.createAcls(missing).all().get(60, TimeUnit.SECONDS);
        System.out.println("ACLs: " + wanted.size() + " (" + missing.size() + " created, " + stale.size() + " removed)");
    }

    /** The principal's password, made on first use and kept (readable by this user only). */
    private static String password(Path secrets, String principal) throws IOException {
        Path file = secrets.resolve(principal + ".password");
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        }
        return Files.readString(file).trim();
    }
}
