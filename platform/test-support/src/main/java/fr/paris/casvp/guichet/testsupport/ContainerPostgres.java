package fr.paris.casvp.guichet.testsupport;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL in a container, when a Docker engine is available. */
final class ContainerPostgres implements SharedInfrastructure.PostgresServer {

    private final PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");

    ContainerPostgres() {
        container.start();
    }

    @Override
    public DatabaseCoordinates admin() {
        return new DatabaseCoordinates(jdbcUrl("postgres"), container.getUsername(), container.getPassword());
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT)
                + "/" + database;
    }

    @Override
    public void stop() {
        container.stop();
    }
}
