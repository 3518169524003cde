package fr.paris.casvp.guichet.messaging.partner;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudonymous beneficiary id that partners (treasury, transport operator) see instead of the registry's id:
 * {@code P-} and 128 bits of HMAC-SHA256 of the id under a secret key of the deployment. The same person has the same
 * pseudonym in every event (a partner can follow a file), but a partner cannot recover the registry id from it, nor use it
 * against Guichet's APIs, nor link it to a person without Guichet's key (issue #4, CASF L133-5).
 *
 * <p>The key comes from the environment ({@code GUICHET_PSEUDONYM_KEY}), never from the repository; changing it changes
 * every pseudonym, so it is kept for the life of the deployment.
 */
public class Pseudonyms {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** @param key at least 32 characters of secret */
    public Pseudonyms(String key) {
        if (key == null || key.isBlank() || key.length() < 32) {
            throw new IllegalStateException("The pseudonym key (guichet.pseudonym-key, environment GUICHET_PSEUDONYM_KEY) "
                    + "must be set to a secret of at least 32 characters");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String of(UUID beneficiaryId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(beneficiaryId.toString().getBytes(StandardCharsets.US_ASCII));
            return "P-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
