package fr.paris.casvp.guichet.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** Each rule of the shape fails on a class that breaks it (the fixtures) and names it. */
class LayerRulesTest {

    private final JavaClasses fixture = new ClassFileImporter().importPackages("fr.paris.casvp.guichet.layerfixture");
    private final JavaClasses shape = new ClassFileImporter().importPackages("fr.paris.casvp.guichet.shapefixture");

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
    void aDomainClassThatImportsSpringOrHoldsSqlIsNamedAndAPlainOneIsNot() {
        EvaluationResult result = LayerRules.DOMAIN_IS_PLAIN_JAVA.evaluate(shape);

        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("SpringThing", "org.springframework.stereotype.Component"))
                .anySatisfy(line -> assertThat(line).contains("SqlThing", "JdbcClient"))
                .noneSatisfy(line -> assertThat(line).contains("domain.Thing."));
    }

    @Test
    void anEntryPointThatReachesAStoreOrItsRecordsIsNamedAndOneThatCallsTheServiceIsNot() {
        assertThat(LayerRules.CONTROLLERS_DO_NOT_REACH_STORES.evaluate(shape).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("ThingJob", "ThingStore"))
                .anySatisfy(line -> assertThat(line).contains("ThingController", "ThingStore$Row"))
                .noneSatisfy(line -> assertThat(line).contains("ThingListener"))
                .noneSatisfy(line -> assertThat(line).contains("<fr.paris.casvp.guichet.shapefixture.thing.Things>"));
    }

    @Test
    void aStoreThatCallsAnApplicationServiceIsNamed() {
        assertThat(LayerRules.STORES_DO_NOT_CALL_UP.evaluate(shape).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("ThingStore", "Things"));
    }

    @Test
    void oneCheckNamesEachBrokenRuleAndNoOther() {
        assertThatThrownBy(() -> LayerRules.check(shape)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("DOMAIN_IS_PLAIN_JAVA").hasMessageContaining("STORES_DO_NOT_CALL_UP")
                .hasMessageContaining("CONTROLLERS_DO_NOT_REACH_STORES").hasMessageContaining("ThingJob")
                .hasMessageNotContaining("SERVICES_ARE_INDEPENDENT").hasMessageNotContaining("PLATFORM_DOES_NOT_DEPEND");
    }

    @Test
    void theShapeOfTheServicesOnTheClassPathHolds() {
        LayerRules.check();
    }

    @Test
    void theFailureNamesTheRule() {
        assertThatThrownBy(() -> LayerRules.CONTROLLERS_DO_NOT_REACH_STORES.check(fixture))
                .isInstanceOf(AssertionError.class).hasMessageContaining(LayerRules.NAME);
    }
}
