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
        System.out.println("PostgreSQL ready on 127.0.0.1:" + port + ", data in " + data + ", databases " + databases);
        // No close(): the server outlives this process on purpose.
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
