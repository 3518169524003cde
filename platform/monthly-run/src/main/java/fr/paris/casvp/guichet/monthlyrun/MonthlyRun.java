package fr.paris.casvp.guichet.monthlyrun;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly payment run of a {@link MonthlyBenefit}, on PostgreSQL: for a month, every grant that covers it paid once.
 *
 * <p>Batches of {@link MonthlyBenefit#batchSize()} grants, each in its transaction: a run that was interrupted (process
 * killed) is still recorded as running and resumes where it stopped, at start-up and on every instance's watch
 * ({@link #resumeUnfinished()}, every {@code guichet.monthly-run.watch-interval}): when the instance running it dies, a
 * surviving one finishes the month. A graceful stop ({@link #stop()}) lets the batches in progress commit and leaves the
 * month running, never completed with grants unpaid.
 *
 * <p>Runners in parallel ({@code guichet.monthly-run.runners}, 2 by default): the grants' ids are cut into {@link #SLICES}
 * slices, each paid in id order by one runner; a batch takes its slice's lock (a PostgreSQL advisory lock held by its
 * transaction), so two runners, of one instance or two, never compute the same batch at once, and the benefit leaves a
 * grant already paid out of any batch.
 *
 * @param <M> what the month's batches share
 */
public class MonthlyRun<M> {

    private static final Logger log = LoggerFactory.getLogger(MonthlyRun.class);
    /** The slices of the grants' ids the runners share (fixed, so that every instance cuts a month the same way). */
    static final int SLICES = 32;

    private final MonthlyBenefit<M> benefit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int runners;
    private final ExecutorService runner;
    /** The months this instance runs or has queued, so that the watch never queues one twice. */
    private final Set<YearMonth> inProgress = ConcurrentHashMap.newKeySet();

    public MonthlyRun(MonthlyBenefit<M> benefit, JdbcClient jdbc, TransactionTemplate transactions, Clock clock, int runners) {
        if (runners < 1) {
            throw new IllegalArgumentException("guichet.monthly-run.runners must be at least 1, not " + runners);
        }
        this.benefit = benefit;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.runners = runners;
        this.runner = Executors.newSingleThreadExecutor(r -> new Thread(r, benefit.name() + "-payment-run"));
    }

    /**
     * Queues the run of a month on this instance, in the background, unless it already runs or waits here.
     *
     * @return whether this call queued it
     */
    public boolean submit(YearMonth month) {
        if (!inProgress.add(month)) {
            return false;
        }
        try {
            runner.submit(() -> {
                try {
                    log.info("Payment run of {} {}: running on this instance", benefit.name(), month);
                    runSafely(month);
                } finally {
                    inProgress.remove(month);
                }
            });
            return true;
        } catch (RejectedExecutionException stopping) {
            inProgress.remove(month);
            return false;
        }
    }

    /**
     * The runs left unfinished (a stopped or killed instance, this one or another) queued here; a run another live
     * instance is doing is shared slice by slice (each batch under its slice's lock).
     *
     * @return the months this call queued
     */
    public List<YearMonth> resumeUnfinished() {
        List<YearMonth> queued = new ArrayList<>();
        for (YearMonth month : benefit.unfinishedRuns()) {
            if (submit(month)) {
                log.info("Resuming the payment run of {} {}", benefit.name(), month);
                queued.add(month);
            }
        }
        return queued;
    }

    /** A graceful stop: the batches in progress commit, the run stops between two batches and is left running. */
    public void stop() throws InterruptedException {
        runner.shutdownNow();
        if (!runner.awaitTermination(20, TimeUnit.SECONDS)) {
            log.warn("The payment run of {} did not stop within 20 s: its batches in progress roll back with the process",
                    benefit.name());
        }
    }

    private void runSafely(YearMonth month) {
        try {
            long started = System.nanoTime();
            int done = runToCompletion(month);
            log.info("Payment run of {} {}: {} grant(s) processed in {} ms", benefit.name(), month, done,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.error("Payment run of {} {} stopped; it resumes at the next watch, start or request", benefit.name(), month, e);
        }
    }

    /**
     * Pays every grant of the month not paid yet, in this thread and the runners', then marks the run completed; a stop
     * (this thread interrupted) or a failure leaves it running. The month is this instance's while it runs: its watch
     * does not queue a second run of it.
     *
     * @return how many grants this call processed
     */
    public int runToCompletion(YearMonth month) {
        boolean ours = inProgress.add(month);
        try {
            return runSlices(month);
        } finally {
            if (ours) {
                inProgress.remove(month);
            }
        }
    }

    /** The month's slices shared by the runners: each takes the next slice not begun and pays it batch by batch. */
    private int runSlices(YearMonth month) {
        M shared = benefit.month(month);
        Queue<IdSlice> slices = new ConcurrentLinkedQueue<>(IdSlice.split(SLICES));
        AtomicInteger total = new AtomicInteger();
        AtomicBoolean stopped = new AtomicBoolean(Thread.currentThread().isInterrupted());
        ExecutorService pool = Executors.newFixedThreadPool(runners, r -> new Thread(r, benefit.name() + "-payment-runner"));
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < runners && !stopped.get(); i++) {
            workers.add(pool.submit(() -> {
                try {
                    for (IdSlice slice = slices.poll(); slice != null && !stopped.get(); slice = slices.poll()) {
                        if (!paySlice(month, slice, shared, total, stopped)) {
                            stopped.set(true);
                        }
                    }
                } catch (RuntimeException failed) {
                    stopped.set(true); // the other runners stop after their batch; the run resumes from what committed
                    throw failed;
                }
            }));
        }
        pool.shutdown();
        boolean interrupted = false;
        try {
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException stop) {
            stopped.set(true);
            interrupted = true;
        } catch (ExecutionException failed) {
            stopped.set(true);
            throw failed.getCause() instanceof RuntimeException e ? e : new IllegalStateException(failed.getCause());
        } finally {
            // The batches in progress commit (they are not interrupted); none starts after this.
            interrupted |= awaitRunners(pool);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (stopped.get() || !slices.isEmpty()) {
            // A graceful stop (SIGTERM) between two batches: the month is not over. Left running, the run resumes on
            // another instance's watch or at the next start from the first grant not paid yet.
            log.info("Payment run of {} {} stopped after {} grant(s): left running, another instance or the next start resumes it",
                    benefit.name(), month, total.get());
            return total.get();
        }
        benefit.complete(month, clock.instant());
        return total.get();
    }

    /**
     * Pays one slice, batch by batch, each in its transaction under the slice's lock.
     *
     * @return false when the run was stopped (or another runner failed) before the end of the slice
     */
    private boolean paySlice(YearMonth month, IdSlice slice, M shared, AtomicInteger total, AtomicBoolean stopped) {
        String lock = benefit.name() + "-payment-run:" + month + ":" + slice.index();
        Optional<UUID> from = Optional.of(slice.first());
        while (from.isPresent()) {
            if (stopped.get()) {
                return false;
            }
            UUID start = from.get();
            MonthlyBenefit.Batch batch = transactions.execute(status -> {
                jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", lock).query(Object.class).single();
                return benefit.pay(month, slice, start, benefit.batchSize(), shared);
            });
            total.addAndGet(batch.processed());
            from = batch.lastRead() == null ? Optional.empty() : slice.following(batch.lastRead());
        }
        return true;
    }

    /** Waits for the runners to end their batch, uninterrupted; returns whether this thread was interrupted meanwhile. */
    private boolean awaitRunners(ExecutorService pool) {
        boolean interrupted = Thread.interrupted();
        while (true) {
            try {
                if (pool.awaitTermination(30, TimeUnit.SECONDS)) {
                    return interrupted;
                }
                log.warn("A payment runner of {} is still in its batch after 30 s", benefit.name());
            } catch (InterruptedException again) {
                interrupted = true;
            }
        }
    }
}
