package fr.paris.casvp.guichet.containers;

import fr.paris.casvp.guichet.contracts.benefit.Benefit;
import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import fr.paris.casvp.guichet.contracts.intake.CommandSignatures;
import fr.paris.casvp.guichet.contracts.intake.SealedBodies;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;

/**
 * What a cluster holds besides the manifests, made up by the container tests: the secrets an operator creates
 * ({@code guichet-keys}, the databases' credentials), those the operators make (Strimzi's users and cluster CA), and the
 * values of {@code guichet-config}. Each key a manifest reads is counted: {@link #unread} is what the test provides
 * that no manifest uses.
 */
final class Cluster {

    /** The registry's, every declared benefit's and the notices' databases. */
    static final List<String> DATABASES = Stream.of(Stream.of("beneficiary"), Benefits.all().stream().map(Benefit::database),
            Stream.of("notice")).flatMap(s -> s).toList();
    /** Every Kafka principal: the registry, every declared benefit's service, the notices, the gateway, the partners, the copy. */
    static final List<String> PRINCIPALS = Stream.of(Stream.of("beneficiary-service"), Benefits.all().stream().map(Benefit::service),
            Stream.of("notice-service", "gateway", "treasury", "transport-operator", "mirror-maker")).flatMap(s -> s).toList();

    private final Map<String, Map<String, String>> secrets = new HashMap<>();
    private final Map<String, String> kafkaPasswords = new HashMap<>();
    private final Map<String, Map<String, String>> configMaps = new HashMap<>();
    /** What the manifests read, from the threads that start the services side by side. */
    private final Set<String> read = new ConcurrentSkipListSet<>();

    /**
     * @param configName the config map's name as rendered (kustomize's generator adds a hash of its content)
     */
    Cluster(String caCertificate, String configName, Map<String, String> config) {
        KeyPair signing = CommandSignatures.newKeyPair();
        KeyPair sealing = SealedBodies.newKeyPair();
        secrets.put("guichet-keys", Map.of("pseudonym", random(), "receipt", random(), "audit", random(),
                "intake-signing-key", CommandSignatures.encoded(signing.getPrivate()), "intake-signing-key-id", "tests",
                "intake-trusted-keys", "tests:" + CommandSignatures.encoded(signing.getPublic()),
                "intake-sealing-public-key", CommandSignatures.encoded(sealing.getPublic()), "intake-sealing-key-id", "tests",
                "intake-sealing-keys", "tests:" + CommandSignatures.encoded(sealing.getPrivate())));
        for (String database : DATABASES) {
            secrets.put(database + "-db-owner", Map.of("username", database + "_owner", "password", random()));
            secrets.put(database + "-db-service", Map.of("username", database + "_app", "password", random()));
        }
        for (String principal : PRINCIPALS) {
            String password = random();
            kafkaPasswords.put(principal, password);
            if (principal.equals("gateway") || principal.endsWith("-service")) {
                // Strimzi's secret of a KafkaUser: what a Deployment reads.
                secrets.put(principal, Map.of("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"" + principal + "\" password=\"" + password + "\";"));
            }
        }
        kafkaPasswords.put("admin", random());
        secrets.put("guichet-cluster-ca-cert", Map.of("ca.crt", caCertificate));
        configMaps.put(configName, Map.copyOf(config));
    }

    String secret(String name, String key) {
        return value(secrets, "secret", name, key);
    }

    String config(String name, String key) {
        return value(configMaps, "config map", name, key);
    }

    /** A value the test itself needs (a password), without counting it as read by a manifest. */
    String peek(String secret, String key) {
        return secrets.get(secret).get(key);
    }

    /** Every Kafka principal's password, the administrator's too: what the broker's users are made with. */
    Map<String, String> kafkaPasswords() {
        return Map.copyOf(kafkaPasswords);
    }

    private String value(Map<String, Map<String, String>> store, String kind, String name, String key) {
        String value = store.getOrDefault(name, Map.of()).get(key);
        if (value == null) {
            throw new IllegalStateException("a manifest reads the " + kind + " " + name + "/" + key + ", which the container test does "
                    + "not provide: add it to Cluster");
        }
        read.add(kind + " " + name + "/" + key);
        return value;
    }

    /** What the test provides and no manifest read. */
    Set<String> unread() {
        Set<String> unread = new TreeSet<>();
        secrets.forEach((name, keys) -> keys.keySet().forEach(key -> unread.add("secret " + name + "/" + key)));
        configMaps.forEach((name, keys) -> keys.keySet().forEach(key -> unread.add("config map " + name + "/" + key)));
        unread.removeAll(read);
        return unread;
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
