package fr.paris.casvp.guichet.aid.application;

import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.messaging.replica.BeneficiaryReplica;
import fr.paris.casvp.guichet.web.ProblemException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** Beneficiaries as this service knows them: from its replica of the registry, never by calling the registry. */
@Component
class Beneficiaries {

    private final BeneficiaryReplica replica;
    private final ObjectReader reader;

    Beneficiaries(BeneficiaryReplica replica, JsonMapper json) {
        this.replica = replica;
        this.reader = json.readerFor(BeneficiarySnapshot.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The latest snapshot; a 422 naming the field when the replica does not hold this beneficiary. */
    BeneficiarySnapshot get(UUID id, String field) {
        return replica.snapshot(id.toString()).<BeneficiarySnapshot>map(reader::readValue)
                .filter(snapshot -> snapshot.situation() != null)
                .orElseThrow(() -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, AidProblems.BENEFICIARY_UNKNOWN,
                        "Unknown beneficiary", "Beneficiary " + id + " is not in this service's copy of the registry: "
                        + "register the person first (a new registration reaches this service within seconds).")
                        .with("field", field));
    }

    /** The latest snapshot, if the replica holds it. */
    java.util.Optional<BeneficiarySnapshot> find(UUID id) {
        return replica.snapshot(id.toString()).<BeneficiarySnapshot>map(reader::readValue).filter(s -> s.situation() != null);
    }

    /** The household's members (the person alone when not in a household): whose grants add up in the cap. */
    static Set<UUID> household(BeneficiarySnapshot snapshot) {
        Set<UUID> members = new LinkedHashSet<>();
        members.add(snapshot.id());
        if (snapshot.household() != null) {
            snapshot.household().members().forEach(member -> members.add(member.beneficiaryId()));
        }
        return members;
    }

    /** What locks the household's cap: its id, or the person's when alone. */
    static UUID capKey(BeneficiarySnapshot snapshot) {
        return snapshot.household() == null ? snapshot.id() : snapshot.household().id();
    }
}
