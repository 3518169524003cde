package fr.paris.casvp.guichet.solidarity.file;

import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.messaging.replica.BeneficiaryReplica;
import fr.paris.casvp.guichet.web.ProblemException;
import java.net.URI;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** Beneficiaries from this service's replica of the registry, and the facts of their household for a month. */
@Component
public class Snapshots {

    static final URI BENEFICIARY_UNKNOWN = URI.create("urn:guichet:problem:beneficiary-unknown");

    private final BeneficiaryReplica replica;
    private final ObjectReader reader;

    Snapshots(BeneficiaryReplica replica, JsonMapper json) {
        this.replica = replica;
        this.reader = json.readerFor(BeneficiarySnapshot.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public Optional<BeneficiarySnapshot> find(UUID id) {
        return replica.snapshot(id.toString()).map(this::parse).filter(s -> s.situation() != null);
    }

    public BeneficiarySnapshot parse(String json) {
        return reader.readValue(json);
    }

    BeneficiarySnapshot get(UUID id, String field) {
        return find(id).orElseThrow(() -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, BENEFICIARY_UNKNOWN,
                "Unknown beneficiary", "Beneficiary " + id + " is not in this service's copy of the registry: register "
                + "the person first (a new registration reaches this service within seconds).").with("field", field));
    }

    /** The household's facts for a month, the partner read from the replica. */
    public HouseholdFacts facts(BeneficiarySnapshot person, YearMonth month) {
        Optional<UUID> partnerId = HouseholdFacts.partnerOf(person);
        BeneficiarySnapshot partner = partnerId.flatMap(this::find).orElse(null);
        return HouseholdFacts.of(person, partner, partnerId.isPresent() && partner == null, month);
    }
}
