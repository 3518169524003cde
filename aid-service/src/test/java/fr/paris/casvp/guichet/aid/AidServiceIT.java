package fr.paris.casvp.guichet.aid;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import fr.paris.casvp.guichet.testsupport.BenefitServiceConventionsTests;
import fr.paris.casvp.guichet.testsupport.Http;
import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The service against a real PostgreSQL database of its own and the real Kafka broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(database = "aid")
class AidServiceIT extends BenefitServiceConventionsTests {

    @Override
    protected String benefit() {
        return "aid";
    }

    @Test
    void theOpenApiDocumentSaysEachFieldsOwnLimit() {
        String document = Http.get(url("/v3/api-docs")).body();

        assertThat(JsonPath.<Integer>read(document, "$.components.schemas.Filing.properties.reason.maxLength")).isEqualTo(2000);
        assertThat(JsonPath.<Integer>read(document, "$.components.schemas.Filing.properties.missingDocuments.maxItems")).isEqualTo(30);
        assertThat(JsonPath.<Integer>read(document, "$.components.schemas.Filing.properties.missingDocuments.items.maxLength"))
                .isEqualTo(200);
        assertThat(JsonPath.<Integer>read(document, "$.components.schemas.Examination.properties.assessment.maxLength")).isEqualTo(4000);
    }
}
