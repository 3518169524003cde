package fr.paris.casvp.guichet.monthlyrun;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * A benefit paid every month, as its service declares it to the shared run ({@link MonthlyRun}): where its runs are
 * recorded, and how one batch of a month is paid. The run cuts the grants' ids into slices, takes each slice's lock and
 * opens each batch's transaction; the benefit reads the grants of the batch and writes their payments (and their
 * orders, through its outbox) in that transaction.
 *
 * <p>What the benefit must guarantee: a grant's payment of a month has a unique key (grant, month) in its tables, and
 * {@link #pay} leaves out the grants already paid that month. The run then pays every grant once, whichever instances
 * and runners share it, however often it stops and resumes.
 *
 * @param <M> what a month's batches share, read once a run (the figures in force that month, for instance)
 */
public interface MonthlyBenefit<M> {

    /** The grants read in one batch, one transaction each, unless the benefit says otherwise. */
    int DEFAULT_BATCH = 1000;

    /**
     * One batch done: how many grants it processed (paid, or recorded as not paid this month with the reason), and the
     * last id it read (the next batch of the slice starts after it).
     */
    record Batch(int processed, UUID lastRead) {

        /** Nothing left in the slice. */
        public static final Batch END = new Batch(0, null);
    }

    /** Short and stable: in the slices' lock keys ({@code <name>-payment-run:<month>:<slice>}), the threads and the logs. */
    String name();

    /** The grants read in one batch. */
    default int batchSize() {
        return DEFAULT_BATCH;
    }

    /** The months whose run is recorded and not completed: a stopped or killed instance left them. */
    List<YearMonth> unfinishedRuns();

    /** What the month's batches share, read once when a run starts or resumes; a refusal here stops the run, unpaid. */
    M month(YearMonth month);

    /**
     * Pays one batch: the grants of the slice that cover the month, from the id {@code from} on, in id order, at most
     * {@code size} of them read, those already paid that month left out. Called in the batch's transaction, under the
     * slice's lock.
     *
     * @return how many it processed, and the last id read ({@link Batch#END} when none was)
     */
    Batch pay(YearMonth month, IdSlice slice, UUID from, int size, M shared);

    /** Marks the month's run completed: every slice was paid to its end. */
    void complete(YearMonth month, Instant at);
}
