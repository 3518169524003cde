package fr.paris.casvp.guichet.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.paris.casvp.guichet.messaging.job.JobLocks;
import fr.paris.casvp.guichet.testsupport.RealInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Scheduled jobs on real PostgreSQL: two instances of a service, one run per period, a dead holder's lock handed over. */
@SpringBootTest
@RealInfrastructure(database = "messaging")
class JobLocksIT {

    @Autowired
    JobLocks jobs;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void twoInstancesFiringTogetherRunTheJobOnceAndNotAgainWithinThePeriod() throws Exception {
        JobLocks otherInstance = new JobLocks(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build()), clock);
        String job = "test.job-" + UUID.randomUUID();
        AtomicInteger runs = new AtomicInteger();
        Runnable slowJob = () -> {
            runs.incrementAndGet();
            pause(Duration.ofMillis(300));
        };
        CountDownLatch fire = new CountDownLatch(1);
        ExecutorService schedulers = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> here = schedulers.submit(() -> {
                fire.await();
                return jobs.once(job, Duration.ofSeconds(2), Duration.ofMinutes(1), slowJob);
            });
            Future<Boolean> there = schedulers.submit(() -> {
                fire.await();
                return otherInstance.once(job, Duration.ofSeconds(2), Duration.ofMinutes(1), slowJob);
            });
            fire.countDown();
            assertThat(List.of(here.get(), there.get())).containsExactlyInAnyOrder(true, false);
        } finally {
            schedulers.shutdownNow();
        }
        assertThat(runs).hasValue(1);
        assertThat(otherInstance.once(job, Duration.ofSeconds(2), Duration.ofMinutes(1), runs::incrementAndGet))
                .as("within the period").isFalse();

        await().atMost(Duration.ofSeconds(20)).until(() -> otherInstance.once(job, Duration.ZERO, Duration.ofMinutes(1),
                runs::incrementAndGet));
        assertThat(runs).as("the next period, on whichever instance").hasValue(2);
    }

    @Test
    void theLockOfAnInstanceThatDiedWhileRunningIsHandedOverAfterItsLongestRun() {
        String job = "test.job-" + UUID.randomUUID();
        // As an instance killed in the middle of the job leaves it: locked for at most one more second.
        jdbc.sql("insert into shedlock (name, lock_until, locked_at, locked_by) values (:name, now() + interval '1 second', now(), 'dead')")
                .param("name", job).update();
        AtomicInteger runs = new AtomicInteger();

        assertThat(jobs.once(job, Duration.ZERO, Duration.ofMinutes(1), runs::incrementAndGet)).isFalse();
        await().atMost(Duration.ofSeconds(20)).until(() -> jobs.once(job, Duration.ZERO, Duration.ofMinutes(1), runs::incrementAndGet));
        assertThat(runs).hasValue(1);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
