package fr.paris.casvp.guichet.beneficiary.registry;

import fr.paris.casvp.guichet.beneficiary.domain.Beneficiary;
import fr.paris.casvp.guichet.contracts.Topic;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.ResidencePeriod;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot.Household;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot.Member;
import fr.paris.casvp.guichet.messaging.outbox.Outbox;
import fr.paris.casvp.guichet.messaging.outbox.OutboxEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the full snapshot of a beneficiary and writes it to the outbox, in the transaction of the change: every
 * change of a person or of their household reaches {@code beneficiaries.v1}.
 */
@Component
class Snapshots {

    private final BeneficiaryStore beneficiaries;
    private final HouseholdStore households;
    private final Outbox outbox;
    private final JsonMapper json;

    Snapshots(BeneficiaryStore beneficiaries, HouseholdStore households, Outbox outbox, JsonMapper json) {
        this.beneficiaries = beneficiaries;
        this.households = households;
        this.outbox = outbox;
        this.json = json;
    }

    BeneficiarySnapshot current(UUID id) {
        Beneficiary stored = beneficiaries.find(id).orElseThrow();
        Household household = households.householdOf(id).map(householdId -> {
            List<Member> members = households.members(householdId);
            Member self = members.stream().filter(m -> m.beneficiaryId().equals(id)).findFirst().orElseThrow();
            return new Household(householdId, self.role(), members);
        }).orElse(null);
        return new BeneficiarySnapshot(stored.id(), stored.fileNumber(), stored.version(), stored.updatedAt(),
                stored.situation(), livesInParisSince(stored.situation().parisResidence()), household);
    }

    /** Publishes the current snapshot of a beneficiary (through the outbox) and returns it. */
    BeneficiarySnapshot publish(UUID id) {
        BeneficiarySnapshot snapshot = current(id);
        outbox.add(new OutboxEvent(UUID.randomUUID(), Topic.BENEFICIARIES.topicName(), id.toString(), BeneficiarySnapshot.TYPE,
                "beneficiaries/" + id, snapshot.updatedAt(), json.writeValueAsString(snapshot)));
        return snapshot;
    }

    private static LocalDate livesInParisSince(List<ResidencePeriod> periods) {
        if (periods.isEmpty() || periods.get(periods.size() - 1).to() != null) {
            return null;
        }
        return periods.get(periods.size() - 1).from();
    }
}
