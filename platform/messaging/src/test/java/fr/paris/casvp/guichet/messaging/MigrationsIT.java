package fr.paris.casvp.guichet.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue #34: the migrations ran at each service's start, so every long-running pod held the database owner's
 * credentials. {@link Migrations} applies them in a process of its own (a deployment's init container), and a service
 * started with {@code guichet.migrations=validate} checks them and changes nothing.
 */
@SpringBootTest
@RealInfrastructure(database = "messaging")
class MigrationsIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;
    @Autowired
    ModuleSchema schema;

    @Test
    void theMigrationsOnlyRunAppliesTheModulesItIsGivenToAnEmptyDatabase() {
        String url = freshDatabase();

        try (ConfigurableApplicationContext ignored = Migrations.apply("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                "--spring.flyway.enabled=false", "--guichet.migrations.modules=job-lock,outbox", "--spring.main.banner-mode=off")) {
            assertThat(tables(url)).contains("shedlock", "outbox_event", "flyway_history_job_lock", "flyway_history_outbox")
                    .doesNotContain("processed_event");
        }
        assertThat(moduleSchema(url, ModuleSchema.Mode.VALIDATE)).as("checked: all there")
                .satisfies(checked -> checked.migrate("outbox"));
    }

    @Test
    void aServiceThatOnlyChecksItsMigrationsRefusesToStartOnADatabaseThatLacksThem() {
        String url = freshDatabase();

        assertThatThrownBy(() -> moduleSchema(url, ModuleSchema.Mode.VALIDATE).migrate("outbox"))
                .isInstanceOf(FlywayValidateException.class);
        assertThat(tables(url)).as("nothing changed").isEmpty();
    }

    @Test
    void thisStartMigratedWhatItsConfigurationLists() {
        assertThat(schema.migrated()).isNotEmpty().containsExactlyElementsOf(Migrations.declaredModules(environment));
    }

    private ModuleSchema moduleSchema(String url, ModuleSchema.Mode mode) {
        return new ModuleSchema(DataSourceBuilder.create().url(url).username(environment.getProperty("spring.datasource.username"))
                .password(environment.getProperty("spring.datasource.password", "")).build(), url, null, null, mode);
    }

    private String freshDatabase() {
        String name = "migrations_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.sql("create database " + name).update();
        return environment.getProperty("spring.datasource.url").replaceFirst("/[^/?]+(\\?.*)?$", "/" + name + "$1");
    }

    private List<String> tables(String url) {
        return JdbcClient.create(DataSourceBuilder.create().url(url).username(environment.getProperty("spring.datasource.username"))
                        .password(environment.getProperty("spring.datasource.password", "")).build())
                .sql("select table_name from information_schema.tables where table_schema = 'public'").query(String.class).list();
    }
}
