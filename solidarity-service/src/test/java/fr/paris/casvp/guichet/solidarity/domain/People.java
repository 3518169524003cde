package fr.paris.casvp.guichet.solidarity.domain;

import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.Address;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.Identity;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.MonthlyResource;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.ResidencePeriod;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.ResourceKind;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** People as the registry's snapshots describe them, for the domain's tests: elderly Parisians of section 13. */
final class People {

    private People() {
    }

    /** Born in 1940, in Paris since 2001, alone, with this monthly pension. */
    static BeneficiarySnapshot elderly(String pension) {
        return elderly(pension, null, null);
    }

    static BeneficiarySnapshot elderly(String pension, LocalDate deceasedOn, LocalDate awayFromHomeSince) {
        BeneficiarySituation situation = new BeneficiarySituation(
                new Identity("Durand", null, "Paul", LocalDate.of(1940, 1, 1), "M", null),
                new Address("3 rue de Tolbiac", null, "75013", "Paris", 13),
                List.of(new ResidencePeriod(LocalDate.of(2001, 1, 1), null)), null, List.of(), null, List.of(),
                List.of(new MonthlyResource(ResourceKind.PENSION, new BigDecimal(pension))), List.of(), false, "13", null,
                deceasedOn, awayFromHomeSince);
        return new BeneficiarySnapshot(UUID.randomUUID(), "B-2026-000001", 1, Instant.parse("2026-01-01T00:00:00Z"), situation,
                LocalDate.of(2001, 1, 1), null);
    }
}
