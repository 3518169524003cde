package fr.paris.casvp.guichet.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On the PostgreSQL of {@code ./guichet up}: each service connects as a role that owns nothing ({@code <db>_app}); the
 * migrations ran as the owner ({@code <db>_owner}). The service's role reads and writes rows, and cannot empty the
 * audit trail, switch its trigger off, or make a table.
 */
@ExtendWith(RunningSuite.class)
class DatabaseRolesIT {

    /** The databases with an audit trail: the services whose API reads or writes personal data. */
    private static final List<String> DATABASES = List.of("beneficiary", "aid", "solidarity", "transport");
    /** Every database: notice-service's API shows no personal data, so it keeps no audit trail. */
    private static final List<String> ALL_DATABASES = List.of("beneficiary", "aid", "solidarity", "transport", "notice");
    private static LocalSuite suite;

    @BeforeAll
    static void suite() {
        suite = RunningSuite.suite();
    }

    @Test
    void everyTableBelongsToTheOwnerNotToTheServicesRole() throws SQLException {
        for (String database : ALL_DATABASES) {
            try (Connection admin = suite.database(database);
                 Statement sql = admin.createStatement();
                 ResultSet others = sql.executeQuery("select tablename || ' (' || tableowner || ')' from pg_tables"
                         + " where schemaname = 'public' and tableowner <> '" + database + "_owner'")) {
                List<String> notOwned = new ArrayList<>();
                while (others.next()) {
                    notOwned.add(others.getString(1));
                }
                assertThat(notOwned).as(database).isEmpty();
            }
        }
    }

    @Test
    void theServicesRoleCannotCutTheAuditTrailNorSwitchItsGuardOff() throws SQLException {
        for (String database : DATABASES) {
            try (Connection service = suite.database(database, database + "_app");
                 Statement sql = service.createStatement()) {
                long entries;
                try (ResultSet count = sql.executeQuery("select count(*) from audit_entry")) {
                    assertThat(count.next()).as("%s reads its trail", database).isTrue();
                    entries = count.getLong(1);
                }
                // The guard is a row trigger: present and enabled whatever the trail holds (empty when this class runs alone).
                try (ResultSet guard = sql.executeQuery("select tgenabled from pg_trigger"
                        + " where tgrelid = 'audit_entry'::regclass and tgname = 'audit_entry_append_only'")) {
                    assertThat(guard.next()).as("%s has its guard", database).isTrue();
                    assertThat(guard.getString(1)).as("%s's guard is enabled", database).isEqualTo("O");
                }
                assertThatThrownBy(() -> sql.execute("truncate audit_entry")).as(database).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> sql.execute("alter table audit_entry disable trigger audit_entry_append_only"))
                        .as(database).hasMessageContaining("must be owner");
                if (entries > 0) {
                    assertThatThrownBy(() -> sql.execute("delete from audit_entry")).as(database).hasMessageContaining("append-only");
                }
                assertThatThrownBy(() -> sql.execute("create table squatter (id int)")).as(database)
                        .hasMessageContaining("permission denied");
            }
        }
    }

    /** Issue #33: the local server trusted loopback, so any local user was postgres without a password. */
    @Test
    void everyRoleGivesItsPasswordTheSuperuserToo() {
        for (String database : ALL_DATABASES) {
            for (String role : List.of("postgres", database + "_owner", database + "_app")) {
                for (String password : List.of("", "wrong-" + role)) {
                    assertThatThrownBy(() -> DriverManager.getConnection(suite.jdbcUrl(database), role, password).close())
                            .as("%s on %s with %s", role, database, password.isEmpty() ? "no password" : "a wrong one")
                            .isInstanceOf(SQLException.class)
                            .satisfies(refused -> assertThat(((SQLException) refused).getSQLState()).isIn("28P01", "08004"));
                }
            }
        }
    }
}
