package fr.paris.casvp.guichet.testsupport;

import fr.paris.casvp.guichet.contracts.intake.CommandSignatures;
import fr.paris.casvp.guichet.contracts.intake.SealedBodies;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The keys of queued commands in tests: one signing key pair, one sealing key pair and one receipt key per test JVM,
 * made up. {@link RealInfrastructure} gives them to the gateway and the services; a test that writes a queued command
 * itself signs it with {@link #sign} and seals its body with {@link #seal}.
 */
public final class TestSigningKeys {

    public static final String KEY_ID = "test-gateway";
    /** The receipts' key (birth-date checks) of this test JVM. */
    public static final String RECEIPT_KEY = "test-receipt-key-" + java.util.UUID.randomUUID();
    private static final KeyPair KEYS = CommandSignatures.newKeyPair();
    public static final String SEALING_KEY_ID = "test-services";
    private static final KeyPair SEALING_KEYS = SealedBodies.newKeyPair();

    private TestSigningKeys() {
    }

    /** Signs the record as the gateway does. */
    public static <K> ProducerRecord<K, String> sign(ProducerRecord<K, String> record) {
        record.headers().add(CommandSignatures.KEY_ID_HEADER, KEY_ID.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CommandSignatures.SIGNATURE_HEADER,
                CommandSignatures.sign(KEYS.getPrivate(), record.value()).getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** A body sealed for the services, as the gateway queues it. */
    public static String seal(String body) {
        return SealedBodies.seal((RSAPublicKey) SEALING_KEYS.getPublic(), SEALING_KEY_ID, body);
    }

    /** A body the gateway sealed, opened as the services open it. */
    public static String open(String sealed) {
        return SealedBodies.open(Map.of(SEALING_KEY_ID, (RSAPrivateKey) SEALING_KEYS.getPrivate()), sealed);
    }

    /**
     * The properties that give the gateway its signing key and the sealing key's public half, and the services the
     * signing key's public half and the sealing key.
     */
    public static Map<String, Object> properties() {
        return Map.of("guichet.receipt-key", RECEIPT_KEY, "guichet.intake.signing.key-id", KEY_ID,
                "guichet.intake.signing.private-key", CommandSignatures.encoded(KEYS.getPrivate()),
                "guichet.intake.trusted-keys", KEY_ID + ":" + CommandSignatures.encoded(KEYS.getPublic()),
                "guichet.intake.sealing.key-id", SEALING_KEY_ID,
                "guichet.intake.sealing.public-key", CommandSignatures.encoded(SEALING_KEYS.getPublic()),
                "guichet.intake.sealing.keys", SEALING_KEY_ID + ":" + CommandSignatures.encoded(SEALING_KEYS.getPrivate()));
    }
}
