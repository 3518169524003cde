package fr.paris.casvp.guichet.testsupport;

import fr.paris.casvp.guichet.contracts.intake.CommandSignatures;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The gateway's keys in tests: one signing key pair and one receipt key per test JVM, made up. {@link RealInfrastructure} gives the gateway
 * its private key and the services its public key; a test that writes a queued command itself signs it with {@link #sign}.
 */
public final class TestSigningKeys {

    public static final String KEY_ID = "test-gateway";
    /** The receipts' key (birth-date checks) of this test JVM. */
    public static final String RECEIPT_KEY = "test-receipt-key-" + java.util.UUID.randomUUID();
    private static final KeyPair KEYS = CommandSignatures.newKeyPair();

    private TestSigningKeys() {
    }

    /** Signs the record as the gateway does. */
    public static <K> ProducerRecord<K, String> sign(ProducerRecord<K, String> record) {
        record.headers().add(CommandSignatures.KEY_ID_HEADER, KEY_ID.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CommandSignatures.SIGNATURE_HEADER,
                CommandSignatures.sign(KEYS.getPrivate(), record.value()).getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** The properties that give the gateway the private key and the services the public key. */
    public static Map<String, Object> properties() {
        return Map.of("guichet.receipt-key", RECEIPT_KEY, "guichet.intake.signing.key-id", KEY_ID,
                "guichet.intake.signing.private-key", CommandSignatures.encoded(KEYS.getPrivate()),
                "guichet.intake.trusted-keys", KEY_ID + ":" + CommandSignatures.encoded(KEYS.getPublic()));
    }
}
