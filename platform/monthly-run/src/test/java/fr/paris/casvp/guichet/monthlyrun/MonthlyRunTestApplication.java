package fr.paris.casvp.guichet.monthlyrun;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

/** A monthly benefit in miniature on a real database: grants, one payment per grant and month (a unique key), its runs. */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableScheduling
class MonthlyRunTestApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TestBenefit benefit(JdbcClient jdbc) {
        jdbc.sql("""
                create table if not exists test_grant (id uuid primary key, amount numeric(8, 2) not null);
                create table if not exists test_payment (grant_id uuid not null references test_grant, month text not null,
                                                         amount numeric(8, 2) not null, primary key (grant_id, month));
                create table if not exists test_run (month text primary key, completed_at timestamptz);
                """).update();
        return new TestBenefit(jdbc);
    }

    /** Pays each grant its amount; a grant named in {@link #failOn} makes its batch fail once (a crash in the middle). */
    static class TestBenefit implements MonthlyBenefit<String> {

        final Set<UUID> failOn = ConcurrentHashMap.newKeySet();
        private final JdbcClient jdbc;

        TestBenefit(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public String name() {
            return "test";
        }

        @Override
        public int batchSize() {
            return 7;
        }

        @Override
        public List<YearMonth> unfinishedRuns() {
            return jdbc.sql("select month from test_run where completed_at is null order by month").query(String.class).list()
                    .stream().map(YearMonth::parse).toList();
        }

        @Override
        public String month(YearMonth month) {
            return month.toString();
        }

        @Override
        public Batch pay(YearMonth month, IdSlice slice, UUID from, int size, String shared) {
            List<UUID> read = jdbc.sql("select id from test_grant where id >= :from and id <= :last order by id limit :size")
                    .param("from", from).param("last", slice.last()).param("size", size).query(UUID.class).list();
            if (read.isEmpty()) {
                return Batch.END;
            }
            Set<UUID> paid = new HashSet<>(jdbc.sql("select grant_id from test_payment where month = :month and grant_id = any(:ids)")
                    .param("month", shared).param("ids", read.toArray(UUID[]::new)).query(UUID.class).list());
            int count = 0;
            for (UUID grant : read) {
                if (paid.contains(grant)) {
                    continue;
                }
                jdbc.sql("insert into test_payment (grant_id, month, amount) select id, :month, amount from test_grant where id = :id")
                        .param("month", shared).param("id", grant).update();
                count++;
                if (failOn.remove(grant)) {
                    throw new IllegalStateException("The batch of " + grant + " fails");
                }
            }
            return new Batch(count, read.get(read.size() - 1));
        }

        @Override
        public void complete(YearMonth month, Instant at) {
            jdbc.sql("update test_run set completed_at = :at where month = :month and completed_at is null")
                    .param("at", java.sql.Timestamp.from(at)).param("month", month.toString()).update();
        }
    }
}
