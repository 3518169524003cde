package fr.paris.casvp.guichet.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * The local run's PostgreSQL server: real PostgreSQL binaries shipped in a Maven jar (no install, works as root), its
 * data kept between runs in the given folder. Starts the server in the background ({@code pg_ctl start}), creates
 * one database per service if missing, and exits: the server then runs on its own, its pid in the data folder's
 * {@code postmaster.pid}, and {@code ./guichet} stops it like any PostgreSQL server (SIGINT, fast shutdown).
 *
 * <p>Each database {@code <db>} has two roles, as in production: {@code <db>_owner}, which owns the database and every
 * table and runs the migrations, and {@code <db>_app}, which the service connects as: it may read and write rows, and
 * nothing else (no table of its own, no {@code truncate}, no switching a trigger off). The local server trusts
 * connections from loopback, so these roles have no password here; a deployment gives them theirs.
 *
 * <pre>java ... LocalPostgres &lt;port&gt; &lt;state folder&gt; &lt;database&gt;...</pre>
 */
public final class LocalPostgres {

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: LocalPostgres <port> <state folder> <database>...");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path state = Path.of(args[1]).toAbsolutePath();
        List<String> databases = List.of(args).subList(2, args.length);
        Path data = state.resolve("data");
        Path binaries = state.resolve("binaries");
        Files.createDirectories(binaries);

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setRegisterShutdownHook(false)
                .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
                .setErrorRedirector(ProcessBuilder.Redirect.INHERIT)
                .start();
        createMissingDatabases(postgres.getJdbcUrl("postgres", "postgres"), databases);
        for (String database : databases) {
            separateOwnerAndService(postgres.getJdbcUrl("postgres", database), database);
        }
        System.out.println("PostgreSQL ready on 127.0.0.1:" + port + ", data in " + data + ", databases " + databases);
        // No close(): the server outlives this process on purpose.
    }

    /** The owner and service roles of a database, made or made right again (idempotent; also for an older state). */
    private static void separateOwnerAndService(String url, String database) throws Exception {
        String owner = database + "_owner";
        String app = database + "_app";
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement sql = connection.createStatement()) {
            sql.execute("do $$ begin"
                    + " if not exists (select from pg_roles where rolname = '" + owner + "') then create role " + owner + " login; end if;"
                    + " if not exists (select from pg_roles where rolname = '" + app + "') then create role " + app + " login; end if;"
                    + " end $$");
            sql.execute("alter database " + database + " owner to " + owner);
            sql.execute("revoke create on schema public from public");
            sql.execute("grant usage, create on schema public to " + owner);
            sql.execute("grant usage on schema public to " + app);
            // Tables made before the roles existed (by postgres) become the owner's.
            sql.execute("do $$ declare object record; begin"
                    + " for object in select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + "  where n.nspname = 'public' and c.relkind in ('r', 'v', 'S', 'p')"
                    + "  and pg_get_userbyid(c.relowner) <> '" + owner + "'"
                    + "  and not (c.relkind = 'S' and exists (select from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i')))"
                    + " loop execute format(case object.relkind when 'S' then 'alter sequence %I owner to %I'"
                    + "  when 'v' then 'alter view %I owner to %I' else 'alter table %I owner to %I' end, object.relname, '" + owner + "');"
                    + " end loop;"
                    + " for object in select p.oid::regprocedure as signature from pg_proc p join pg_namespace n on n.oid = p.pronamespace"
                    + "  where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> '" + owner + "'"
                    + " loop execute format('alter function %s owner to %I', object.signature, '" + owner + "');"
                    + " end loop; end $$");
            sql.execute("grant select, insert, update, delete on all tables in schema public to " + app);
            sql.execute("grant usage, select on all sequences in schema public to " + app);
            sql.execute("alter default privileges for role " + owner + " in schema public grant select, insert, update, delete on tables to " + app);
            sql.execute("alter default privileges for role " + owner + " in schema public grant usage, select on sequences to " + app);
        }
    }

    private static void createMissingDatabases(String adminUrl, List<String> databases) throws Exception {
        try (Connection connection = DriverManager.getConnection(adminUrl, "postgres", "");
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?");
             Statement create = connection.createStatement()) {
            for (String database : databases) {
                if (!database.matches("[a-z][a-z0-9_]*")) {
                    throw new IllegalArgumentException("Not a database name: " + database);
                }
                exists.setString(1, database);
                try (ResultSet found = exists.executeQuery()) {
                    if (!found.next()) {
                        create.execute("create database " + database);
                        System.out.println("Created database " + database);
                    }
                }
            }
        }
    }
}
