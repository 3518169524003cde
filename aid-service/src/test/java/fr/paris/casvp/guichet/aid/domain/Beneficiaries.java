package fr.paris.casvp.guichet.aid.domain;

import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.Address;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.Identity;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.NoFixedAddress;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySituation.ResidencePeriod;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot.Household;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot.Member;
import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot.MemberRole;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Beneficiaries as the registry's snapshots describe them, for the domain's tests (section 13). */
final class Beneficiaries {

    private Beneficiaries() {
    }

    /** Living in Paris since {@code since}, alone. */
    static BeneficiarySnapshot resident(LocalDate since) {
        return snapshot(UUID.randomUUID(), since, false, null);
    }

    static BeneficiarySnapshot withoutFixedAddress() {
        return snapshot(UUID.randomUUID(), null, true, null);
    }

    /** With a spouse, in Paris for 10 years. */
    static BeneficiarySnapshot inHousehold() {
        UUID id = UUID.randomUUID();
        Household household = new Household(UUID.randomUUID(), MemberRole.APPLICANT,
                List.of(new Member(id, MemberRole.APPLICANT), new Member(UUID.randomUUID(), MemberRole.SPOUSE)));
        return snapshot(id, LocalDate.of(2016, 1, 1), false, household);
    }

    private static BeneficiarySnapshot snapshot(UUID id, LocalDate since, boolean noFixedAddress, Household household) {
        BeneficiarySituation situation = new BeneficiarySituation(
                new Identity("Martin", null, "Jeanne", LocalDate.of(1980, 5, 17), "F", null),
                noFixedAddress ? null : new Address("12 rue de la Glacière", null, "75013", "Paris", 13),
                since == null ? List.of() : List.of(new ResidencePeriod(since, null)),
                noFixedAddress ? new NoFixedAddress("PSA Belleville") : null, List.of(), null, List.of(), List.of(), List.of(),
                false, "13", null);
        return new BeneficiarySnapshot(id, "B-2026-000001", 1, Instant.parse("2026-01-01T00:00:00Z"), situation, since,
                household);
    }
}
