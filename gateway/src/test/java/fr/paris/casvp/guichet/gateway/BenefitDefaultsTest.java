package fr.paris.casvp.guichet.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Each declared benefit's service, from the declaration: locally on its port, in a deployment from one pattern. */
class BenefitDefaultsTest {

    @Test
    void locallyEachBenefitOnItsDeclaredPortUnlessItsVariableSaysOtherwise() {
        Map<String, Object> local = BenefitDefaults.properties(null, null);
        assertThat(local).containsEntry("guichet.services.aid.url", "http://127.0.0.1:${GUICHET_AID_PORT:8082}")
                .containsEntry("guichet.services.transport.label", "Navigo (Pass Paris Seniors / Access')")
                .containsEntry("guichet.services.solidarity.intake[0]", "/api/solidarity/applications")
                .containsEntry("resilience4j.circuitbreaker.instances.solidarity.base-config", "service")
                .doesNotContainKey("guichet.services.aid.management-url");
    }

    @Test
    void inADeploymentEveryBenefitFromOnePatternWithItsServicesName() {
        Map<String, Object> deployed = BenefitDefaults.properties("http://{service}:8080", "http://{service}:9090");
        assertThat(deployed).containsEntry("guichet.services.aid.url", "http://aid-service:8080")
                .containsEntry("guichet.services.transport.management-url", "http://transport-service:9090");
    }

    @Test
    void theDeploymentsVariablesAreReadAndOneBenefitsOwnAddressWins() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-environment", Map.of(
                "GUICHET_BENEFIT_SERVICES_URL", "http://{service}:8080", "GUICHET_SERVICES_SOLIDARITY_URL", "http://elsewhere:8080")));
        new BenefitDefaults().postProcessEnvironment(environment, null);
        assertThat(environment.getProperty("guichet.services.aid.url")).isEqualTo("http://aid-service:8080");
        assertThat(environment.getProperty("guichet.services.solidarity.url")).isEqualTo("http://elsewhere:8080");
        assertThat(environment.getPropertySources().get(BenefitDefaults.SOURCE)).isInstanceOf(MapPropertySource.class);
    }
}
