package fr.paris.casvp.guichet.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The shape of a service and the boundaries between modules, checked by the build (docs/architecture.md, "One shape
 * for a benefit service"). A service is packaged by feature; each feature has
 *
 * <ul>
 *   <li>its entry points — controllers, Kafka listeners, scheduled jobs — which translate what arrives into a call of an
 *       application service and never reach a store nor the database;</li>
 *   <li>its application services ({@code @Service}): check who acts, load, call the domain, store, publish;</li>
 *   <li>its stores ({@code *Store}), which hold all the SQL and call no application service;</li>
 * </ul>
 * and the service's {@code domain} package holds plain objects that guard the rules and the transitions: Java and the
 * contracts only, no Spring, no SQL, no HTTP.
 *
 * <p>Services never depend on each other, and the platform depends on no service. A module checks its production
 * classes (and the platform's it runs with) with {@link #check()} in a unit test; each rule names itself when it fails.
 */
public final class LayerRules {

    public static final String NAME = "LayerRules.CONTROLLERS_DO_NOT_REACH_STORES";

    private static final String GUICHET = "fr.paris.casvp.guichet";
    private static final String[] PLATFORM = {GUICHET + ".contracts..", GUICHET + ".web..", GUICHET + ".messaging..",
            GUICHET + ".audit..", GUICHET + ".intake..", GUICHET + ".testsupport.."};
    private static final String[] SERVICES = {GUICHET + ".beneficiary..", GUICHET + ".aid..", GUICHET + ".solidarity..",
            GUICHET + ".transport..", GUICHET + ".notice..", GUICHET + ".gateway..", GUICHET + ".localissuer..", GUICHET + ".local.."};

    private static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";
    private static final List<String> ENTRY_METHODS = List.of("org.springframework.kafka.annotation.KafkaListener",
            "org.springframework.scheduling.annotation.Scheduled");

    private static final Set<String> DATABASE = Set.of("org.springframework.jdbc.core.simple.JdbcClient",
            "org.springframework.jdbc.core.JdbcTemplate", "org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate",
            "javax.sql.DataSource");

    public static final ArchRule CONTROLLERS_DO_NOT_REACH_STORES = noClasses()
            .that(areEntryPoints())
            .should().dependOnClassesThat(storesOrTheDatabase())
            .as(NAME + ": an entry point (controller, Kafka listener, scheduled job) of a service calls an application "
                    + "service, which calls the store; it never holds SQL nor a store, nor a store's records")
            .because("the same rule, the same transaction and the same audit whatever the way in (HTTP, queued command)")
            .allowEmptyShould(true);

    public static final ArchRule DOMAIN_IS_PLAIN_JAVA = classes()
            .that().resideInAPackage("..domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", GUICHET + ".contracts..", "..domain..")
            .as("LayerRules.DOMAIN_IS_PLAIN_JAVA: a domain class depends on Java, the contracts and its domain only "
                    + "(no Spring, no SQL, no HTTP, no application service)")
            .because("the rules of a benefit are read, and unit-tested, without a framework")
            .allowEmptyShould(true);

    public static final ArchRule STORES_DO_NOT_CALL_UP = noClasses()
            .that().haveSimpleNameEndingWith("Store").and().resideOutsideOfPackages(PLATFORM)
            .should().dependOnClassesThat(applicationServicesOrEntryPoints())
            .as("LayerRules.STORES_DO_NOT_CALL_UP: a store holds SQL and the domain's types; it calls no application "
                    + "service and no entry point")
            .allowEmptyShould(true);

    public static final ArchRule SERVICES_ARE_INDEPENDENT = SlicesRuleDefinition.slices()
            .matching(GUICHET + ".(beneficiary|aid|solidarity|transport|notice|gateway|localissuer|local)..")
            .should().notDependOnEachOther()
            .as("LayerRules.SERVICES_ARE_INDEPENDENT: a service never uses another's classes; they meet on Kafka and "
                    + "through the contracts")
            .allowEmptyShould(true);

    public static final ArchRule PLATFORM_DOES_NOT_DEPEND_ON_SERVICES = noClasses()
            .that().resideInAnyPackage(PLATFORM)
            .should().dependOnClassesThat().resideInAnyPackage(SERVICES)
            .as("LayerRules.PLATFORM_DOES_NOT_DEPEND_ON_SERVICES: the platform serves every service and knows none")
            .allowEmptyShould(true);

    /** Every rule above. */
    public static final List<ArchRule> ALL = List.of(CONTROLLERS_DO_NOT_REACH_STORES, DOMAIN_IS_PLAIN_JAVA,
            STORES_DO_NOT_CALL_UP, SERVICES_ARE_INDEPENDENT, PLATFORM_DOES_NOT_DEPEND_ON_SERVICES);

    private LayerRules() {
    }

    /** Checks the production classes of {@code fr.paris.casvp.guichet} on the class path; throws naming each broken rule. */
    public static void check() {
        check(TimeRules.productionClasses());
    }

    /** Throws one error that names each broken rule and each class that breaks it. */
    static void check(JavaClasses classes) {
        List<String> failures = ALL.stream().map(rule -> rule.evaluate(classes)).filter(EvaluationResult::hasViolation)
                .map(result -> result.getFailureReport().toString()).toList();
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n\n", failures));
        }
    }

    /**
     * Every controller, and a service's classes with a Kafka listener or a scheduled job (the platform's own listeners and
     * jobs — the outbox relay, the replica, the audit anchors — are its infrastructure and hold their SQL).
     */
    static DescribedPredicate<JavaClass> areEntryPoints() {
        return DescribedPredicate.describe("are entry points (controllers, a service's Kafka listeners and scheduled jobs)",
                type -> type.isAnnotatedWith(REST_CONTROLLER) || !inPlatform(type)
                        && type.getMethods().stream().anyMatch(method -> ENTRY_METHODS.stream().anyMatch(method::isAnnotatedWith)));
    }

    static DescribedPredicate<JavaClass> applicationServicesOrEntryPoints() {
        return DescribedPredicate.describe("are application services (@Service) or entry points",
                type -> type.isAnnotatedWith("org.springframework.stereotype.Service") || areEntryPoints().test(type));
    }

    /** A store, one of its records, or the database itself. */
    static DescribedPredicate<JavaClass> storesOrTheDatabase() {
        return DescribedPredicate.describe("are stores (*Store, and their records) or the database (JdbcClient, JdbcTemplate, DataSource)",
                type -> isStore(type) || type.getEnclosingClass().map(LayerRules::isStore).orElse(false)
                        || DATABASE.contains(type.getName()));
    }

    private static boolean isStore(JavaClass type) {
        return type.getSimpleName().endsWith("Store");
    }

    private static boolean inPlatform(JavaClass type) {
        return Arrays.stream(PLATFORM).map(p -> p.substring(0, p.length() - 2))
                .anyMatch(p -> type.getPackageName().equals(p) || type.getPackageName().startsWith(p + "."));
    }
}
