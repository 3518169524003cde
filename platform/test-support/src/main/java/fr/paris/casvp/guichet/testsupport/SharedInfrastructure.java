package fr.paris.casvp.guichet.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real PostgreSQL server and one real Kafka broker for a whole test JVM, started on first use and stopped when the
 * JVM exits. Each caller gets a fresh database of its own, so tests do not see each other's rows.
 *
 * <p>Which implementation runs is chosen by the system property or environment variable {@code guichet.test.infra}
 * ({@code GUICHET_TEST_INFRA}): {@code containers} (Testcontainers), {@code embedded} (embedded PostgreSQL binaries
 * and an in-process KRaft broker) or {@code auto}, the default: containers when a Docker engine answers, embedded
 * otherwise. Both run the same tests.
 */
public final class SharedInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(SharedInfrastructure.class);
    private static final AtomicInteger databaseSequence = new AtomicInteger();
    private static volatile SharedInfrastructure instance;

    private final PostgresServer postgres;
    private final KafkaServer kafka;

    private SharedInfrastructure(PostgresServer postgres, KafkaServer kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    public static SharedInfrastructure get() {
        SharedInfrastructure started = instance;
        if (started == null) {
            synchronized (SharedInfrastructure.class) {
                started = instance;
                if (started == null) {
                    started = start(InfrastructureMode.resolve());
                    instance = started;
                }
            }
        }
        return started;
    }

    private static SharedInfrastructure start(InfrastructureMode mode) {
        log.info("Starting shared test infrastructure: {}", mode);
        PostgresServer postgres = mode == InfrastructureMode.CONTAINERS ? new ContainerPostgres() : new EmbeddedPostgresServer();
        KafkaServer kafka = mode == InfrastructureMode.CONTAINERS ? new ContainerKafka() : new EmbeddedKafkaServer();
        SharedInfrastructure infrastructure = new SharedInfrastructure(postgres, kafka);
        Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::stop, "shared-infrastructure-stop"));
        return infrastructure;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Creates an empty database named after {@code prefix} and returns how to reach it. */
    public DatabaseCoordinates createDatabase(String prefix) {
        String name = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_" + databaseSequence.incrementAndGet();
        DatabaseCoordinates admin = postgres.admin();
        try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.username(), admin.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return new DatabaseCoordinates(postgres.jdbcUrl(name), admin.username(), admin.password());
    }

    private void stop() {
        kafka.stop();
        postgres.stop();
    }

    interface PostgresServer {
        DatabaseCoordinates admin();

        String jdbcUrl(String database);

        void stop();
    }

    interface KafkaServer {
        String bootstrapServers();

        void stop();
    }
}
