package fr.paris.casvp.guichet.contracts.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The gateway's signature on a queued command (an {@code intake.<benefit>.v1} record): Ed25519 over the record's value
 * exactly as written, which holds the agent's identity, roles and section, the reception time and the body. Two
 * headers carry it: {@link #SIGNATURE_HEADER} (base64) and {@link #KEY_ID_HEADER}, the name of the key, so that the
 * gateway's key can be rotated: the services trust a set of named public keys ({@link #trustedKeys}), a new one is
 * added to them before the gateway signs with it, and an old one removed once no command it signed waits any more.
 */
public final class CommandSignatures {

    public static final String SIGNATURE_HEADER = "guichet_signature";
    public static final String KEY_ID_HEADER = "guichet_signing_key";
    private static final String ALGORITHM = "Ed25519";

    private CommandSignatures() {
    }

    /** A new key pair for the gateway (the local run makes one; a deployment keeps its own in a secret). */
    public static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sign(PrivateKey key, String value) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a queued command", e);
        }
    }

    /** True when {@code signature} (base64) is the key's signature of {@code value}; false for anything malformed. */
    public static boolean verify(PublicKey key, String value, String signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(value.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A private key from its base64 PKCS#8 form. */
    public static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a base64 PKCS#8 " + ALGORITHM + " private key", e);
        }
    }

    /** A public key from its base64 X.509 form. */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a base64 X.509 " + ALGORITHM + " public key", e);
        }
    }

    public static String encoded(Key key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /**
     * The trusted keys written as {@code name:base64,name:base64} (what {@code GUICHET_INTAKE_TRUSTED_KEYS} holds), by
     * name; empty when nothing is written.
     */
    public static Map<String, PublicKey> trustedKeys(String text) {
        return named(text, CommandSignatures::publicKey);
    }

    /**
     * Keys written as {@code name:base64,name:base64}, by name, in the order written; empty when nothing is written. An
     * entry without a name is refused without repeating it (it may hold a private key).
     */
    static <K> Map<String, K> named(String text, Function<String, K> decode) {
        Map<String, K> keys = new LinkedHashMap<>();
        for (String entry : Optional.ofNullable(text).orElse("").split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("A key is written name:base64, and one has no name");
            }
            keys.put(entry.substring(0, colon).strip(), decode.apply(entry.substring(colon + 1)));
        }
        return keys;
    }
}
