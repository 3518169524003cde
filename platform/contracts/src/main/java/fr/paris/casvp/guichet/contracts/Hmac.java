package fr.paris.casvp.guichet.contracts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one of the deployment's secrets (receipt checks, pseudonyms, the audit chain): the secret is
 * checked once, when the key is made, and never appears in a message.
 */
public final class Hmac {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_SECRET = 32;

    private final SecretKeySpec key;

    private Hmac(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /**
     * @param secret   at least 32 characters, from the environment
     * @param variable where it comes from, named in the error when it is missing or short (e.g. {@code GUICHET_AUDIT_KEY})
     */
    public static Hmac of(String secret, String variable) {
        if (secret == null || secret.strip().length() < MIN_SECRET) {
            throw new IllegalStateException("Set " + variable + " to a secret of at least " + MIN_SECRET + " characters");
        }
        return new Hmac(secret.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** A key derived from this one for {@code purpose}: what one derived key proves says nothing of another's. */
    public Hmac derive(String purpose) {
        return new Hmac(bytes(purpose));
    }

    public byte[] bytes(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String hex(String text) {
        return HexFormat.of().formatHex(bytes(text));
    }
}
