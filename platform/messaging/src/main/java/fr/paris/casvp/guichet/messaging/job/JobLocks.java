package fr.paris.casvp.guichet.messaging.job;

import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * A scheduled job of a service runs once per period however many instances run it: each instance's scheduler calls
 * {@link #once}, and only the one that takes the job's lock (a row of the service's {@code shedlock} table, ShedLock,
 * by the database's clock) runs it; the others skip this period. The lock is held at least {@code period} (so that an
 * instance whose scheduler fires a little later does not run it again) and at most {@code atMostFor} (so that a dead
 * instance's lock is handed over).
 */
public class JobLocks {

    private final LockingTaskExecutor executor;
    private final Clock clock;

    public JobLocks(LockProvider provider, Clock clock) {
        this.executor = new DefaultLockingTaskExecutor(provider);
        this.clock = clock;
    }

    /**
     * A job scheduled every {@code interval} on each instance: run here unless another instance ran it less than 90 %
     * of the interval ago (the instances' schedulers fire at different moments), a dead instance's lock handed over
     * after one interval.
     */
    public boolean onceEvery(String name, Duration interval, Runnable job) {
        return once(name, interval.multipliedBy(9).dividedBy(10), interval, job);
    }

    /**
     * Runs {@code job} here unless another instance runs it, or ran it less than {@code period} ago.
     *
     * @return whether it ran here
     */
    public boolean once(String name, Duration period, Duration atMostFor, Runnable job) {
        LockingTaskExecutor.TaskResult<Boolean> result;
        try {
            result = executor.executeWithLock(() -> {
                job.run();
                return Boolean.TRUE;
            }, new LockConfiguration(clock.instant(), name, atMostFor, period));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Job " + name + " failed", e);
        }
        return result.wasExecuted();
    }
}
