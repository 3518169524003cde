package fr.paris.casvp.guichet.monthlyrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shared monthly run on a real PostgreSQL, with a benefit in miniature ({@link MonthlyRunTestApplication}): batches
 * of 7, 3 runners, 32 slices; a duplicate payment would break the table's key and fail the run.
 */
@SpringBootTest
@RealInfrastructure(database = "monthlyrun", kafka = false)
class MonthlyRunIT {

    private static final int GRANTS = 300;

    @Autowired
    MonthlyRun<String> run;
    @Autowired
    MonthlyRunTestApplication.TestBenefit benefit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private List<UUID> grants;

    @BeforeEach
    void grants() {
        jdbc.sql("truncate test_payment, test_grant, test_run").update();
        grants = new ArrayList<>();
        for (int i = 0; i < GRANTS; i++) {
            UUID id = UUID.randomUUID();
            grants.add(id);
            jdbc.sql("insert into test_grant (id, amount) values (:id, :amount)").param("id", id).param("amount", 100 + i % 7).update();
        }
    }

    @Test
    void aRunPaysEveryGrantOnceAndCompletesTheMonth() {
        YearMonth month = started("2027-01");

        int paid = run.runToCompletion(month);

        assertThat(paid).isEqualTo(GRANTS);
        assertEveryGrantPaidOnce(month);
        assertThat(benefit.unfinishedRuns()).doesNotContain(month);
        assertThat(run.runToCompletion(month)).as("run again: nothing paid twice").isZero();
        assertEveryGrantPaidOnce(month);
    }

    @Test
    void twoInstancesRunningTheSameMonthAtOnceShareItAndPayEveryGrantOnce() {
        YearMonth month = started("2027-02");
        MonthlyRun<String> other = new MonthlyRun<>(benefit, jdbc, new TransactionTemplate(transactions), Clock.systemUTC(), 2);

        CompletableFuture<Integer> here = CompletableFuture.supplyAsync(() -> run.runToCompletion(month));
        CompletableFuture<Integer> there = CompletableFuture.supplyAsync(() -> other.runToCompletion(month));

        assertThat(here.join() + there.join()).as("paid by either, never both").isEqualTo(GRANTS);
        assertEveryGrantPaidOnce(month);
    }

    @Test
    void aGracefulStopLeavesTheMonthRunningAndTheNextRunPaysTheRestOnce() {
        YearMonth month = started("2027-03");

        Thread.currentThread().interrupt();
        try {
            assertThat(run.runToCompletion(month)).as("stopped before its first batch").isZero();
        } finally {
            Thread.interrupted();
        }
        assertThat(benefit.unfinishedRuns()).as("not closed by the stop").contains(month);

        assertThat(run.runToCompletion(month)).isEqualTo(GRANTS);
        assertEveryGrantPaidOnce(month);
    }

    @Test
    void aFailedBatchRollsBackAloneAndTheWatchFinishesTheMonthOnce() {
        YearMonth month = started("2027-04");
        UUID failing = grants.get(GRANTS / 2);
        benefit.failOn.add(failing);

        assertThatThrownBy(() -> run.runToCompletion(month)).hasMessageContaining(failing.toString());
        assertThat(benefit.unfinishedRuns()).contains(month);
        assertThat(paymentsOf(failing, month)).as("its batch rolled back").isZero();

        List<YearMonth> queued = run.resumeUnfinished();
        List<YearMonth> again = run.resumeUnfinished();

        assertThat(queued).containsExactly(month);
        assertThat(again).as("queued or running here already").isEmpty();
        await().atMost(Duration.ofSeconds(60)).until(() -> benefit.unfinishedRuns().isEmpty());
        assertEveryGrantPaidOnce(month);
    }

    @Test
    void postgresOrdersTheSlicesAsTheyAreCut() {
        List<IdSlice> slices = IdSlice.split(MonthlyRun.SLICES);

        for (int i = 1; i < slices.size(); i++) {
            assertThat(slices.get(i - 1).following(slices.get(i - 1).last())).isEmpty();
            assertThat(jdbc.sql("select (:last::uuid) < (:first::uuid)")
                    .param("last", slices.get(i - 1).last().toString()).param("first", slices.get(i).first().toString())
                    .query(Boolean.class).single()).as("slice %d ends before %d begins", i - 1, i).isTrue();
        }
        assertThat(slices.get(0).first()).isEqualTo(new UUID(0, 0));
        assertThat(slices.get(slices.size() - 1).last()).isEqualTo(new UUID(-1L, -1L));
        assertThatThrownBy(() -> IdSlice.split(12)).isInstanceOf(IllegalArgumentException.class);
    }

    private YearMonth started(String month) {
        jdbc.sql("insert into test_run (month) values (:month)").param("month", month).update();
        return YearMonth.parse(month);
    }

    private long paymentsOf(UUID grant, YearMonth month) {
        return jdbc.sql("select count(*) from test_payment where grant_id = :g and month = :m").param("g", grant)
                .param("m", month.toString()).query(Long.class).single();
    }

    private void assertEveryGrantPaidOnce(YearMonth month) {
        assertThat(jdbc.sql("select count(*), count(distinct grant_id) from test_payment where month = :m").param("m", month.toString())
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single()).containsExactly((long) GRANTS, (long) GRANTS);
        assertThat(benefit.unfinishedRuns()).doesNotContain(month);
    }
}
