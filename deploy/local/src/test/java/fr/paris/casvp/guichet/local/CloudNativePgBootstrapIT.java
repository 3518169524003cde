package fr.paris.casvp.guichet.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Issue #34: on a cluster the databases would never have bootstrapped. CloudNativePG makes a cluster in this order:
 * initdb (the database and its owner), then {@code postInitApplicationSQL} as the superuser in the application's
 * database, and only then the managed roles; the grants to {@code <db>_app} ran before that role existed, and the
 * initdb job failed again and again. Each {@code Cluster} of {@code deploy/k8s/base/postgres} is made here in the same
 * order on a real PostgreSQL, and its application role can then work with the owner's tables and nothing else.
 */
class CloudNativePgBootstrapIT {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(Path.of("target/cnpg-bootstrap").toFile()).start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void eachClusterBootstrapsInTheOperatorsOrderAndItsAppRoleWorksWithRowsOnly() throws Exception {
        List<Map<String, Object>> clusters = clusters();
        assertThat(clusters).as("the registry's, the notices' and each declared benefit's")
                .hasSize(2 + fr.paris.casvp.guichet.contracts.benefit.Benefits.all().size());
        for (Map<String, Object> cluster : clusters) {
            Map<String, Object> initdb = path(cluster, "spec", "bootstrap", "initdb");
            String database = (String) initdb.get("database");
            String owner = (String) initdb.get("owner");
            try (Connection superuser = connect("postgres", "postgres", "postgres"); Statement sql = superuser.createStatement()) {
                // initdb: the owner (its password from the secret) and its database.
                sql.execute("create role " + owner + " login password 'owner-secret'");
                sql.execute("create database " + database + " owner " + owner);
            }
            try (Connection superuser = connect(database, "postgres", "postgres"); Statement sql = superuser.createStatement()) {
                for (String statement : this.<List<String>>path(initdb, "postInitApplicationSQL")) {
                    sql.execute(statement);
                }
            }
            try (Connection superuser = connect("postgres", "postgres", "postgres"); Statement sql = superuser.createStatement()) {
                // The managed roles, made or brought to what the manifest says.
                for (Map<String, Object> role : this.<List<Map<String, Object>>>path(cluster, "spec", "managed", "roles")) {
                    String name = (String) role.get("name");
                    boolean exists;
                    try (var found = sql.executeQuery("select 1 from pg_roles where rolname = '" + name + "'")) {
                        exists = found.next();
                    }
                    sql.execute((exists ? "alter role " : "create role ") + name + (Boolean.TRUE.equals(role.get("login")) ? " login" : "")
                            + " password 'app-secret'");
                }
            }
            String app = database + "_app";
            try (Connection asOwner = connect(database, owner, "owner-secret"); Statement sql = asOwner.createStatement()) {
                sql.execute("create table probe (id bigserial primary key, name text)");
            }
            try (Connection asApp = connect(database, app, "app-secret"); Statement sql = asApp.createStatement()) {
                sql.execute("insert into probe (name) values ('ligne')");
                sql.execute("update probe set name = 'changée'");
                try (var read = sql.executeQuery("select count(*) from probe")) {
                    assertThat(read.next() && read.getInt(1) == 1).as(database).isTrue();
                }
                assertThatThrownBy(() -> sql.execute("create table intruder (id int)")).as(database + ": no table of its own")
                        .isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> sql.execute("drop table probe")).as(database + ": the owner's tables stay")
                        .isInstanceOf(SQLException.class);
            }
        }
    }

    private Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database, user, password);
    }

    private static List<Map<String, Object>> clusters() throws IOException {
        List<Map<String, Object>> clusters = new ArrayList<>();
        // The registry's and the notices' clusters, and each declared benefit's, in its generated manifest.
        StringBuilder manifests = new StringBuilder(Files.readString(Path.of("../k8s/base/postgres/clusters.yaml")));
        for (fr.paris.casvp.guichet.contracts.benefit.Benefit benefit : fr.paris.casvp.guichet.contracts.benefit.Benefits.all()) {
            manifests.append("\n---\n").append(Files.readString(Path.of("../k8s", KubernetesBenefits.file(benefit))));
        }
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(manifests.toString())) {
            if (document instanceof Map<?, ?> resource && "Cluster".equals(resource.get("kind"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> cluster = (Map<String, Object>) resource;
                clusters.add(cluster);
            }
        }
        return clusters;
    }

    @SuppressWarnings("unchecked")
    private <T> T path(Map<String, Object> node, String... steps) {
        Object current = node;
        for (String step : steps) {
            current = ((Map<String, Object>) current).get(step);
        }
        return (T) current;
    }
}
