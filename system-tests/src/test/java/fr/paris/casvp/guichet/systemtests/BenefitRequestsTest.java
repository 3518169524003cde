package fr.paris.casvp.guichet.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The drills' applications (test resources drills/): one for each declared benefit, each filled in as JSON. */
class BenefitRequestsTest {

    @Test
    void everyDeclaredBenefitHasItsDrillApplicationAndNoOtherBenefitHasOne() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/drills"))) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".filing.json"))
                    .map(name -> name.substring(0, name.length() - ".filing.json".length())))
                    .containsExactlyInAnyOrderElementsOf(Benefits.codes());
        }
    }

    @Test
    void eachIsJsonForTheDrillsPersonFiledAtItsDeclaredPath() throws IOException {
        for (String benefit : Benefits.codes()) {
            String body = BenefitRequests.body(benefit, "9a1c2f0e-0000-4000-8000-000000000001", "1234567890");
            assertThat(JsonPath.<String>read(body, "$.beneficiaryId")).as(benefit).isEqualTo("9a1c2f0e-0000-4000-8000-000000000001");
            assertThat(body).as(benefit).doesNotContain("{beneficiaryId}", "{iban}", "{navigoCardNumber}");
            assertThat(BenefitRequests.path(benefit)).as(benefit).startsWith("/api/" + benefit + "/");
        }
        assertThat(JsonPath.<String>read(BenefitRequests.body("transport", "p", "SCALE12345"), "$.navigoCardNumber")).isEqualTo("SCALE12345");
        assertThat(JsonPath.<String>read(BenefitRequests.body("aid", "p", null), "$.payee.iban")).isEqualTo(BenefitRequests.IBAN);
    }
}
