package fr.paris.casvp.guichet.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import fr.paris.casvp.guichet.web.Agent;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The audit trail on a real PostgreSQL and Kafka: chained, keyed, anchored. Each test starts from a trail of its own
 * (a new context), since each breaks it in its own way.
 */
@SpringBootTest
@RealInfrastructure(database = "audit")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class AuditTrailIT {

    private static final Agent AGENT = new Agent("agent13", Set.of("AGENT"), "13");

    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @BeforeEach
    void threeEntries() {
        trail.record(AGENT, "GET /api/test/{id}", "things", "thing-1", 200);
        trail.record(AGENT, "GET /api/test", "things", null, 200, List.of("thing-1", "thing-2"));
        trail.record(AGENT, "PUT /api/test/{id}", "things", "thing-2", 403);
    }

    @Test
    void aTrailNobodyTouchedVerifiesAndAListFindsTheFilesItShowed() {
        AuditTrail.Verification verification = trail.verify();

        assertThat(verification.valid()).isTrue();
        assertThat(verification.firstBrokenEntry()).isNull();
        assertThat(trail.byResource("thing-2")).extracting(AuditTrail.Entry::operation)
                .containsExactly("GET /api/test", "PUT /api/test/{id}");
        assertThat(trail.byResource("thing-2")).allMatch(AuditTrail.Entry::keyed);
    }

    @Test
    void entriesRecordedAtTheSameMomentAreEachWrittenOnceInOneChain() throws Exception {
        int threads = 16;
        int each = 25;
        ExecutorService agents = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String resource = "concurrent-" + t;
                done.add(agents.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        trail.record(AGENT, "GET /api/test/{id}", "things", resource, 200);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            agents.shutdownNow();
        }

        assertThat(jdbc.sql("select count(*) from audit_entry where resource_id like 'concurrent-%'").query(Long.class).single())
                .isEqualTo(threads * each);
        assertThat(jdbc.sql("select count(distinct previous_hash) = count(*) from audit_entry").query(Boolean.class).single())
                .as("no two entries extend the same one").isTrue();
        assertThat(trail.verify().valid()).isTrue();
        assertThat(trail.byResource("concurrent-7")).hasSize(each);
    }

    @Test
    void anEntryTheTableRefusesFailsOnlyItsOwnRequestNotTheOthersOfItsBatch() throws Exception {
        ExecutorService agents = Executors.newFixedThreadPool(4);
        List<Thread> waiting = new CopyOnWriteArrayList<>();
        Future<?> first;
        List<Future<?>> batch = new ArrayList<>();
        // Another instance writing: the trail's lock is held, so that the entries below queue up and form one batch.
        try (Connection other = dataSource.getConnection()) {
            other.createStatement().execute("select pg_advisory_lock(" + 0x6775696368657402L + ")");
            first = agents.submit(() -> record(waiting, "before"));
            await().atMost(Duration.ofSeconds(10)).until(() -> waiting.size() == 1);
            for (String resource : List.of("good-1", "bad\u0000", "good-2")) {
                batch.add(agents.submit(() -> record(waiting, resource)));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> waiting.size() == 4 && waiting.subList(1, 4).stream()
                    .allMatch(thread -> thread.getState() == Thread.State.WAITING));
            other.createStatement().execute("select pg_advisory_unlock(" + 0x6775696368657402L + ")");
        }
        try {
            first.get(30, TimeUnit.SECONDS);
            batch.get(0).get(30, TimeUnit.SECONDS);
            batch.get(2).get(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> batch.get(1).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(DataIntegrityViolationException.class);
        } finally {
            agents.shutdownNow();
        }

        assertThat(trail.byResource("good-1")).hasSize(1);
        assertThat(trail.byResource("good-2")).hasSize(1);
        assertThat(trail.verify().valid()).isTrue();
    }

    private void record(List<Thread> waiting, String resource) {
        waiting.add(Thread.currentThread());
        trail.record(AGENT, "GET /api/test/{id}", "things", resource, 200);
    }

    @Test
    void theTableRefusesChangesAndARowChangedBehindItsBackBreaksTheChainThere() {
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set outcome = 200").update()).hasMessageContaining("append-only");
        long forbidden = jdbc.sql("select id from audit_entry where outcome = 403").query(Long.class).single();

        behindTheTrailsBack("update audit_entry set outcome = 200 where id = " + forbidden);

        assertThat(trail.verify().valid()).isFalse();
        assertThat(trail.verify().firstBrokenEntry()).isEqualTo(forbidden);
    }

    @Test
    void anEntryWithoutTheKeyAfterKeyedOnesIsAForgery() {
        long last = jdbc.sql("select max(id) from audit_entry").query(Long.class).single();
        // A forger without the key writes the next entry with a bare SHA-256 of the same fields, as before the key.
        String previous = jdbc.sql("select hash from audit_entry where id = :id").param("id", last).query(String.class).single();
        AuditTrail.Entry forged = new AuditTrail.Entry(0, Instant.parse("2026-12-01T10:00:00Z"), "forger", "AGENT", "13",
                "GET /api/test/{id}", "things", "thing-9", 200, List.of(), false, previous, null);
        behindTheTrailsBack("insert into audit_entry (at, username, roles, section, operation, resource_type, resource_id, outcome,"
                + " keyed, previous_hash, hash) values ('2026-12-01T10:00:00Z', 'forger', 'AGENT', '13', 'GET /api/test/{id}',"
                + " 'things', 'thing-9', 200, false, '" + previous + "', '" + AuditTrail.sha256(forged.text()) + "')");

        AuditTrail.Verification verification = trail.verify();

        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenEntry()).isGreaterThan(last);
    }

    @Test
    void aCutTailIsFoundByTheAnchorKeptOnKafka() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            trail.record(AGENT, "GET /api/test/{id}", "things", "thing-3", 200); // anchoring happens as entries are written
            assertThat(trail.verify().anchoredEntry()).isNotNull();
        });
        long anchored = trail.verify().anchoredEntry();
        assertThat(trail.verify().anchorHolds()).isTrue();

        behindTheTrailsBack("delete from audit_entry where id >= " + anchored);

        AuditTrail.Verification verification = trail.verify();
        assertThat(verification.firstBrokenEntry()).as("what remains is a whole chain").isNull();
        assertThat(verification.anchorHolds()).isFalse();
        assertThat(verification.valid()).isFalse();
    }

    /** What someone with the database's owner rights could do: switch the guard off, change, switch it on. */
    private void behindTheTrailsBack(String sql) {
        jdbc.sql("alter table audit_entry disable trigger audit_entry_append_only").update();
        jdbc.sql(sql).update();
        jdbc.sql("alter table audit_entry enable trigger audit_entry_append_only").update();
    }
}
