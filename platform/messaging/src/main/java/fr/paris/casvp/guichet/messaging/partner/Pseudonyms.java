package fr.paris.casvp.guichet.messaging.partner;

import fr.paris.casvp.guichet.contracts.Hmac;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

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

    /** Who reads the pseudonym: each has its own. */
    public enum Partner {
        /** The event topics ({@code aid.events.v1}...), read by several partners. */
        EVENTS,
        /** The payment orders. */
        TREASURY,
        /** The pass orders. */
        TRANSPORT_OPERATOR
    }

    private final Map<Partner, Hmac> keys = new EnumMap<>(Partner.class);

    /** @param key at least 32 characters of secret ({@code GUICHET_PSEUDONYM_KEY}) */
    public Pseudonyms(String key) {
        Hmac master = Hmac.of(key, "GUICHET_PSEUDONYM_KEY");
        for (Partner partner : Partner.values()) {
            keys.put(partner, master.derive("partner:" + partner.name()));
        }
    }

    /** The beneficiary's pseudonym for this partner. */
    public String of(Partner partner, UUID beneficiaryId) {
        return "P-" + HexFormat.of().formatHex(keys.get(partner).bytes(beneficiaryId.toString()), 0, 16);
    }
}
