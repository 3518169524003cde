package fr.paris.casvp.guichet.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;

/**
 * The local run's PostgreSQL server: real PostgreSQL binaries shipped in a Maven jar (no install, works as root), its
 * data kept between runs in the given folder. Starts the server in the background ({@code pg_ctl start}), creates
 * one database per service if missing, and exits: the server then runs on its own, its pid in the data folder's
 * {@code postmaster.pid}, and {@code ./guichet} stops it like any PostgreSQL server (SIGINT, fast shutdown).
 *
 * <p>Each database {@code <db>} has two roles, as in production: {@code <db>_owner}, which owns the database and every
 * table and runs the migrations, and {@code <db>_app}, which the service connects as: it may read and write rows, and
 * nothing else (no table of its own, no {@code truncate}, no switching a trigger off).
 *
 * <p>Every role, the superuser {@code postgres} too, has a password, drawn once and kept in the passwords folder (one
 * file per role, readable by this user only), and the server asks for it on every connection, by socket or TCP
 * ({@code scram-sha-256} in {@code pg_hba.conf}): another local user does not read the personal data nor rewrite the
 * audit trail (issue #33). A state made before this has its {@code trust} replaced at the next start.
 *
 * <pre>java ... LocalPostgres &lt;port&gt; &lt;state folder&gt; &lt;passwords folder&gt; &lt;database&gt;...</pre>
 */
public final class LocalPostgres {

    private static final String SUPERUSER = "postgres";

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: LocalPostgres <port> <state folder> <passwords folder> <database>...");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path state = Path.of(args[1]).toAbsolutePath();
        Passwords passwords = new Passwords(Path.of(args[2]).toAbsolutePath());
        List<String> databases = List.of(args).subList(3, args.length);
        for (String database : databases) {
            if (!database.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("Not a database name: " + database);
            }
        }
        Path data = state.resolve("data");
        Path binaries = state.resolve("binaries");
        Files.createDirectories(binaries);
        String superuser = passwords.of(SUPERUSER);

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
                // Its readiness check signs in as postgres: with its password once the server asks for one.
                .setConnectConfig("password", superuser)
                .start();
        String admin = postgres.getJdbcUrl(SUPERUSER, "postgres");
        setPasswords(admin, passwords, databases);
        askForPasswords(admin, superuser, data);
        createMissingDatabases(admin, superuser, databases);
        for (String database : databases) {
            separateOwnerAndService(postgres.getJdbcUrl(SUPERUSER, database), superuser, database);
        }
        System.out.println("PostgreSQL ready on 127.0.0.1:" + port + ", data in " + data + ", databases " + databases);
        // No close(): the server outlives this process on purpose.
    }

    /**
     * Every role with its password (made if missing, set again at each start: a password file replaced by hand is
     * taken). At the first start the server still trusts loopback, and takes any password until {@link #askForPasswords}.
     */
    private static void setPasswords(String adminUrl, Passwords passwords, List<String> databases) throws Exception {
        try (Connection connection = DriverManager.getConnection(adminUrl, SUPERUSER, passwords.of(SUPERUSER));
             Statement sql = connection.createStatement()) {
            sql.execute("set password_encryption = 'scram-sha-256'");
            sql.execute("alter role " + SUPERUSER + " password " + literal(passwords.of(SUPERUSER)));
            for (String database : databases) {
                for (String role : List.of(database + "_owner", database + "_app")) {
                    sql.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + role + "') then"
                            + " create role " + role + " login; end if; end $$");
                    sql.execute("alter role " + role + " password " + literal(passwords.of(role)));
                }
            }
        }
    }

    /** {@code pg_hba.conf}: a password for every role, by socket and by loopback TCP; nothing else gets in. */
    private static void askForPasswords(String adminUrl, String superuserPassword, Path data) throws Exception {
        String rules = """
                # Written by Guichet's local run (LocalPostgres): every connection gives its role's password.
                # TYPE  DATABASE  USER  ADDRESS       METHOD
                local   all       all                 scram-sha-256
                host    all       all   127.0.0.1/32  scram-sha-256
                host    all       all   ::1/128       scram-sha-256
                """;
        Path hba = data.resolve("pg_hba.conf");
        if (rules.equals(Files.readString(hba))) {
            return;
        }
        Files.writeString(hba, rules);
        try (Connection connection = DriverManager.getConnection(adminUrl, SUPERUSER, superuserPassword);
             Statement sql = connection.createStatement()) {
            sql.execute("select pg_reload_conf()");
        }
        System.out.println("PostgreSQL now asks every role for its password (pg_hba.conf: scram-sha-256)");
    }

    private static String literal(String password) {
        if (!password.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("A local password is letters, digits, - and _ only");
        }
        return "'" + password + "'";
    }

    /** The owner and service roles of a database, made right again (idempotent; also for an older state). */
    private static void separateOwnerAndService(String url, String superuserPassword, String database) throws Exception {
        String owner = database + "_owner";
        String app = database + "_app";
        try (Connection connection = DriverManager.getConnection(url, SUPERUSER, superuserPassword);
             Statement sql = connection.createStatement()) {
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

    private static void createMissingDatabases(String adminUrl, String superuserPassword, List<String> databases) throws Exception {
        try (Connection connection = DriverManager.getConnection(adminUrl, SUPERUSER, superuserPassword);
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?");
             Statement create = connection.createStatement()) {
            for (String database : databases) {
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

    /** One password per role, drawn once (24 random bytes, base64url) in a file of its own, readable by this user only. */
    record Passwords(Path folder) {

        String of(String role) throws IOException {
            Path file = folder.resolve(role + ".password");
            if (!Files.exists(file)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                        Base64.getUrlEncoder().withoutPadding().encodeToString(random));
            }
            return Files.readString(file).trim();
        }
    }
}
