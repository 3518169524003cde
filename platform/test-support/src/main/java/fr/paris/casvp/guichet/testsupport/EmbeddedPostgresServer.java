package fr.paris.casvp.guichet.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/** PostgreSQL from the binaries shipped in a Maven jar; works without Docker and as root. */
final class EmbeddedPostgresServer implements SharedInfrastructure.PostgresServer {

    private static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    EmbeddedPostgresServer() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }

    @Override
    public DatabaseCoordinates admin() {
        return new DatabaseCoordinates(jdbcUrl(USER), USER, USER);
    }

    @Override
    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl(USER, database);
    }

    @Override
    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
