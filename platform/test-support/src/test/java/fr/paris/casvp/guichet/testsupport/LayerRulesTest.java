package fr.paris.casvp.guichet.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

class LayerRulesTest {

    private final JavaClasses fixture = new ClassFileImporter().importPackages("fr.paris.casvp.guichet.layerfixture");

    @Test
    void aControllerThatReachesAStoreOrTheDatabaseIsNamed() {
        EvaluationResult result = LayerRules.CONTROLLERS_DO_NOT_REACH_STORES.evaluate(fixture);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("ReachesTheStore", "ThingStore"))
                .anySatisfy(line -> assertThat(line).contains("HoldsSql", "JdbcClient"))
                .noneSatisfy(line -> assertThat(line).contains("CallsTheService"));
    }

    @Test
    void theFailureNamesTheRule() {
        assertThatThrownBy(() -> LayerRules.CONTROLLERS_DO_NOT_REACH_STORES.check(fixture))
                .isInstanceOf(AssertionError.class).hasMessageContaining(LayerRules.NAME);
    }
}
