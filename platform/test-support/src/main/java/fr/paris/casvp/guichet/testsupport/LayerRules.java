package fr.paris.casvp.guichet.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * The layers of a service, checked by the build: a controller translates HTTP and calls an application service; it
 * never reaches a store ({@code *Store}, {@code RejectedCommands}...) nor the database itself. A module checks its
 * production classes (and the platform's it depends on) with {@link #check()} in a unit test.
 */
public final class LayerRules {

    public static final String NAME = "LayerRules.CONTROLLERS_DO_NOT_REACH_STORES";

    private static final Set<String> DATABASE = Set.of("org.springframework.jdbc.core.simple.JdbcClient",
            "org.springframework.jdbc.core.JdbcTemplate", "org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate",
            "javax.sql.DataSource");

    public static final ArchRule CONTROLLERS_DO_NOT_REACH_STORES = noClasses()
            .that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
            .should().dependOnClassesThat(storesOrTheDatabase())
            .as(NAME + ": a controller calls an application service, which calls the store; it never holds SQL nor a store")
            .because("the same rule, the same transaction and the same audit whatever the way in (HTTP, queued command)");

    private LayerRules() {
    }

    /** Checks the production classes of {@code fr.paris.casvp.guichet} on the class path; throws naming the rule. */
    public static void check() {
        CONTROLLERS_DO_NOT_REACH_STORES.check(TimeRules.productionClasses());
    }

    static DescribedPredicate<JavaClass> storesOrTheDatabase() {
        return DescribedPredicate.describe("are stores (*Store) or the database (JdbcClient, JdbcTemplate, DataSource)",
                type -> type.getSimpleName().endsWith("Store") || DATABASE.contains(type.getName()));
    }
}
