package fr.paris.casvp.guichet.beneficiary.domain;

import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation;
import java.time.Instant;
import java.util.UUID;

/**
 * A person in the registry: their file number, what an agent recorded of them ({@link BeneficiarySituation}), and the
 * version of the record, which increases with every change (the benefits' replicas never go back to a lower one).
 */
public record Beneficiary(UUID id, String fileNumber, long version, BeneficiarySituation situation, Instant createdAt,
                          Instant updatedAt) {
}
