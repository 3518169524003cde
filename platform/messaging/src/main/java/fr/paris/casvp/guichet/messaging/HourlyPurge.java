package fr.paris.casvp.guichet.messaging;

import java.time.Duration;

/**
 * Runs a purge at most once an hour, from the path that fills the table (no scheduler, nothing to wire): the first
 * call after the hour has passed does it, on the monotonic clock (an interval, not a date).
 */
public final class HourlyPurge {

    private static final long INTERVAL = Duration.ofHours(1).toNanos();

    private final Runnable purge;
    private volatile long nextNanos = System.nanoTime();

    public HourlyPurge(Runnable purge) {
        this.purge = purge;
    }

    /** Purges now if the last purge was an hour ago or more (or never ran). */
    public void nowAndThen() {
        long now = System.nanoTime();
        if (now - nextNanos >= 0) {
            nextNanos = now + INTERVAL;
            purge.run();
        }
    }
}
