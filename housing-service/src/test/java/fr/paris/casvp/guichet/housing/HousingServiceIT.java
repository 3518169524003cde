package fr.paris.casvp.guichet.housing;

import fr.paris.casvp.guichet.testsupport.BenefitServiceConventionsTests;
import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

/** The service against a real PostgreSQL database of its own and the real Kafka broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(database = "housing")
class HousingServiceIT extends BenefitServiceConventionsTests {

    @Override
    protected String benefit() {
        return "housing";
    }
}
