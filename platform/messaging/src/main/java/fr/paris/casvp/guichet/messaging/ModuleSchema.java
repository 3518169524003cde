package fr.paris.casvp.guichet.messaging;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Tables that belong to this module rather than to the service that uses it (the replica now, the outbox later) are
 * migrated by Flyway from the module's own folder, with a schema history table of their own: their versions never
 * collide with the service's migrations, and a service never copies them.
 */
public final class ModuleSchema {

    private ModuleSchema() {
    }

    /** Applies {@code classpath:db/guichet/<name>} with the history table {@code flyway_history_<name>}. */
    public static void migrate(DataSource dataSource, String name) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/guichet/" + name)
                .table("flyway_history_" + name.replace('-', '_'))
                // The service's own tables are already there: start this history from scratch beside them.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
