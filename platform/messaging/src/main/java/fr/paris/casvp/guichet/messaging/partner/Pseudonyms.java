package fr.paris.casvp.guichet.messaging.partner;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudonymous beneficiary id that partners (treasury, transport operator) see instead of the registry's id:
 * {@code P-} and 128 bits of HMAC-SHA256 of the id under a secret key of the deployment. The same person has the same
 * pseudonym in every event (a partner can follow a file), but a partner cannot recover the registry id from it, nor use it
 * against Guichet's APIs, nor link it to a person without Guichet's key (issue #4, CASF L133-5).
 *
 * <p>Each partner has its own pseudonyms ({@link Partner}): the treasury's on the payment orders, the transport
 * operator's on the pass orders, and those of the event topics that several partners read. Their keys are derived from
 * the deployment's key (HMAC of the partner's name), so that two partners cannot join what they know of one person
 * without Guichet.
 *
 * <p>The key comes from the environment ({@code GUICHET_PSEUDONYM_KEY}), never from the repository; changing it changes
 * every pseudonym, so it is kept for the life of the deployment.
 */
public class Pseudonyms {

    private static final String ALGORITHM = "HmacSHA256";

    /** Who reads the pseudonym: each has its own. */
    public enum Partner {
        /** The event topics ({@code aid.events.v1}...), read by several partners. */
        EVENTS,
        /** The payment orders. */
        TREASURY,
        /** The pass orders. */
        TRANSPORT_OPERATOR
    }

    private final Map<Partner, SecretKeySpec> keys = new EnumMap<>(Partner.class);

    /** @param key at least 32 characters of secret */
    public Pseudonyms(String key) {
        if (key == null || key.isBlank() || key.length() < 32) {
            throw new IllegalStateException("The pseudonym key (guichet.pseudonym-key, environment GUICHET_PSEUDONYM_KEY) "
                    + "must be set to a secret of at least 32 characters");
        }
        SecretKeySpec master = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        for (Partner partner : Partner.values()) {
            keys.put(partner, new SecretKeySpec(hmac(master, "partner:" + partner.name()), ALGORITHM));
        }
    }

    /** The beneficiary's pseudonym for this partner. */
    public String of(Partner partner, UUID beneficiaryId) {
        return "P-" + HexFormat.of().formatHex(hmac(keys.get(partner), beneficiaryId.toString()), 0, 16);
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
