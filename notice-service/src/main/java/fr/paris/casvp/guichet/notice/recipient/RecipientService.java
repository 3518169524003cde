package fr.paris.casvp.guichet.notice.recipient;

import fr.paris.casvp.guichet.messaging.partner.Pseudonyms;
import fr.paris.casvp.guichet.messaging.partner.Pseudonyms.Partner;
import fr.paris.casvp.guichet.notice.domain.Recipient;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps, from each snapshot of the registry, the little the notices need, under the pseudonym the benefits' events
 * name the person by. Reads the snapshot as a tolerant reader: fields it does not know are ignored.
 */
@Service
public class RecipientService {

    private final RecipientStore store;
    private final Pseudonyms pseudonyms;
    private final JsonMapper json;
    private final Clock clock;

    RecipientService(RecipientStore store, Pseudonyms pseudonyms, JsonMapper json, Clock clock) {
        this.store = store;
        this.pseudonyms = pseudonyms;
        this.json = json;
        this.clock = clock;
    }

    /** A snapshot, or a tombstone (null value): the person was erased. */
    void apply(String key, String snapshot) {
        if (key == null) {
            throw new IllegalArgumentException("A snapshot on beneficiaries.v1 has no key");
        }
        UUID id = UUID.fromString(key);
        String pseudonym = pseudonyms.of(Partner.EVENTS, id);
        if (snapshot == null) {
            store.erase(pseudonym, id, clock.instant());
            return;
        }
        JsonNode root = json.readTree(snapshot);
        JsonNode version = root.path("version");
        if (!version.isIntegralNumber()) {
            throw new IllegalArgumentException("The snapshot of " + key + " has no version");
        }
        JsonNode identity = root.path("situation").path("identity");
        JsonNode contact = root.path("situation").path("contact");
        Recipient recipient = new Recipient(text(identity, "sex"), text(identity, "lastName"), text(contact, "email"),
                text(contact, "phone"), contact.path("acceptsSms").asBoolean(false),
                contact.path("declinesNotices").asBoolean(false));
        store.save(pseudonym, id, version.asLong(), recipient, clock.instant());
    }

    /** The person named by this pseudonym; empty when unknown here (yet) or erased. */
    public Optional<Recipient> find(String pseudonym) {
        return store.find(pseudonym);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
