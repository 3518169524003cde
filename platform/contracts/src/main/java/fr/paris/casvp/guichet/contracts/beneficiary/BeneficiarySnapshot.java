package fr.paris.casvp.guichet.contracts.beneficiary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The full state of a beneficiary, published by the registry on {@code beneficiaries.v1} (compacted, key = id) at
 * every change of the person or of their household. Event type {@link #TYPE}; schema
 * {@code schemas/beneficiary-snapshot.v1.json}. A benefit service keeps the latest one in its replica.
 *
 * @param version           increases with every change; a replica never goes back to a lower one
 * @param updatedAt         when the change was committed
 * @param livesInParisSince start of the current period of residence in Paris, null if not living in Paris
 * @param household         the household the person belongs to, or null when alone
 */
public record BeneficiarySnapshot(UUID id, String fileNumber, long version, Instant updatedAt,
                                  BeneficiarySituation situation, LocalDate livesInParisSince, Household household) {

    public static final String TYPE = "fr.paris.casvp.guichet.beneficiary.snapshot.v1";

    /** @param role of this beneficiary in it */
    public record Household(UUID id, MemberRole role, List<Member> members) {
    }

    public record Member(UUID beneficiaryId, MemberRole role) {
    }

    public enum MemberRole { APPLICANT, SPOUSE, DEPENDANT }
}
