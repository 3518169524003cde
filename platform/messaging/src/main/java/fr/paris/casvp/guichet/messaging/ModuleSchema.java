package fr.paris.casvp.guichet.messaging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Tables that belong to a platform module rather than to the service that uses it (outbox, idempotency, replica,
 * audit...) are migrated by Flyway from the module's own folder, with a schema history table of their own: their
 * versions never collide with the service's migrations, and a service never copies them.
 *
 * <p>Like the service's own migrations, they run as the database's owner when {@code spring.flyway.user} names one
 * (the local run does): the service itself connects as a role that owns nothing, so it can neither change the tables
 * nor switch off the audit trail's trigger. A deployment goes further ({@link Migrations}): a container that alone holds
 * the owner's credentials applies every migration before the service starts, and the service only checks them
 * ({@code guichet.migrations=validate}).
 */
public final class ModuleSchema {

    /** What a start does with the migrations ({@code guichet.migrations}). */
    public enum Mode {
        /** Apply what is missing (the local run, the tests). */
        APPLY,
        /** Check that every migration is applied, and change nothing: the service connects as a role that owns nothing. */
        VALIDATE
    }

    private final DataSource dataSource;
    private final String url;
    private final String user;
    private final String password;
    private final Mode mode;
    private final List<String> migrated = new CopyOnWriteArrayList<>();

    /**
     * @param dataSource the service's own, used when no migration user is given (tests)
     * @param url        the database's JDBC URL, for the migration user
     * @param user       {@code spring.flyway.user}, the owner; null or blank: the service's own data source
     */
    public ModuleSchema(DataSource dataSource, String url, String user, String password) {
        this(dataSource, url, user, password, Mode.APPLY);
    }

    public ModuleSchema(DataSource dataSource, String url, String user, String password, Mode mode) {
        this.dataSource = dataSource;
        this.url = url;
        this.user = user;
        this.password = password;
        this.mode = mode;
    }

    /**
     * Applies {@code classpath:db/guichet/<name>} with the history table {@code flyway_history_<name>}; in
     * {@link Mode#VALIDATE}, fails when one of them is not applied.
     */
    public void migrate(String name) {
        FluentConfiguration flyway = Flyway.configure();
        if (user == null || user.isBlank()) {
            flyway.dataSource(dataSource);
        } else {
            flyway.dataSource(url, user, password == null ? "" : password);
        }
        flyway.locations("classpath:db/guichet/" + name)
                .table("flyway_history_" + name.replace('-', '_'))
                // The service's own tables are already there: start this history from scratch beside them.
                .baselineOnMigrate(true)
                .baselineVersion("0");
        if (mode == Mode.VALIDATE) {
            flyway.load().validate();
        } else {
            flyway.load().migrate();
        }
        migrated.add(name);
    }

    /** The modules this start migrated (or checked), in order: what {@code guichet.migrations.modules} must list. */
    public List<String> migrated() {
        return List.copyOf(migrated);
    }
}
