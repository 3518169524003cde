package fr.paris.casvp.guichet.beneficiary;

import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import fr.paris.casvp.guichet.testsupport.ServiceConventionsTests;
import org.springframework.boot.test.context.SpringBootTest;

/** The service against a real PostgreSQL database of its own and the real Kafka broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(database = "beneficiary")
class BeneficiaryServiceIT extends ServiceConventionsTests {
}
