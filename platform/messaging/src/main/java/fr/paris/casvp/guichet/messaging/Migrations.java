package fr.paris.casvp.guichet.messaging;

import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A service's migrations, applied by a process that does nothing else and then stops: its own (Boot's Flyway,
 * {@code spring.flyway.*}, {@code classpath:db/migration}) and then those of the platform modules it uses, in the order
 * of {@code guichet.migrations.modules} (what its start migrates: {@code ServiceConventionsTests} checks it). A
 * deployment runs it in an init container that alone holds the database owner's credentials, from the service's own
 * image:
 *
 * <pre>java -cp @/app/jib-classpath-file fr.paris.casvp.guichet.messaging.Migrations</pre>
 *
 * and starts the service with {@code guichet.migrations=validate} and the application role only: it checks that every
 * migration is there and changes nothing. With no {@code spring.flyway.user}, the data source's user migrates.
 */
public final class Migrations {

    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    /** The data source and Boot's Flyway, nothing else (not a component: a service's scan never finds it). */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
    static final class Setup {
    }

    private Migrations() {
    }

    public static void main(String[] args) {
        apply(args).close();
    }

    /** Applies every migration of the service whose configuration the arguments and environment give. */
    public static ConfigurableApplicationContext apply(String... args) {
        SpringApplication application = new SpringApplication(Setup.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        ConfigurableApplicationContext context = application.run(args);
        Environment environment = context.getEnvironment();
        ModuleSchema schema = new ModuleSchema(context.getBean(DataSource.class),
                environment.getProperty("spring.flyway.url", environment.getProperty("spring.datasource.url", "")),
                environment.getProperty("spring.flyway.user"), environment.getProperty("spring.flyway.password"));
        List<String> modules = declaredModules(environment);
        modules.forEach(schema::migrate);
        log.info("Migrations applied: the service's own and those of {}", modules);
        return context;
    }

    /** The platform modules a service migrates, in order: {@code guichet.migrations.modules} (a list, or "a,b"). */
    public static List<String> declaredModules(Environment environment) {
        return Binder.get(environment).bind("guichet.migrations.modules", Bindable.listOf(String.class)).orElse(List.of());
    }

    /** What a start does with the migrations, from {@code guichet.migrations}: {@code apply} (by default) or {@code validate}. */
    static ModuleSchema.Mode mode(Environment environment) {
        return ModuleSchema.Mode.valueOf(environment.getProperty("guichet.migrations", "apply").toUpperCase(Locale.ROOT));
    }
}
