package fr.paris.casvp.guichet.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import fr.paris.casvp.guichet.contracts.beneficiary.BeneficiarySnapshot;
import org.junit.jupiter.api.Test;

class EventSchemasTest {

    private static final String VALID = """
            {"id":"6f1c2a0e-8a51-4c55-9d7e-0b7e0f6d1a11","fileNumber":"B-2026-000042","version":3,
             "updatedAt":"2026-11-28T09:00:00Z","livesInParisSince":"2015-03-01",
             "situation":{"identity":{"lastName":"Martin","firstNames":"Jeanne","birthDate":"1950-06-01","sex":"F",
                                      "nir":"250067511512345"},
                          "address":{"line1":"12 rue de la Glacière","postcode":"75013","city":"Paris","arrondissement":13},
                          "parisResidence":[{"from":"2015-03-01"}],"disabilityEvidence":[],"nationalBenefits":[],
                          "monthlyResources":[{"kind":"PENSION","amount":803.20}],"incomeTax":[],
                          "warVeteran":false,"section":"13"}}
            """;

    @Test
    void aCompleteSnapshotIsValid() {
        assertThat(EventSchemas.violations(BeneficiarySnapshot.TYPE, VALID)).isEmpty();
    }

    @Test
    void aNegativeAmountAnUnknownFieldAndAMissingBirthDateAreEachReported() {
        String invalid = VALID.replace("803.20", "-1").replace("\"warVeteran\":false", "\"warVeteran\":false,\"shoeSize\":42")
                .replace("\"birthDate\":\"1950-06-01\",", "");

        assertThat(EventSchemas.violations(BeneficiarySnapshot.TYPE, invalid))
                .hasSize(3)
                .anySatisfy(v -> assertThat(v).contains("amount"))
                .anySatisfy(v -> assertThat(v).contains("shoeSize"))
                .anySatisfy(v -> assertThat(v).contains("birthDate"));
    }

    @Test
    void anUnknownEventTypeHasNoSchema() {
        assertThat(EventSchemas.violations("unknown.v1", "{}")).containsExactly("no schema for event type unknown.v1");
    }
}
