package fr.paris.casvp.guichet.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test sets: a decision "made" 11 months ago, an application left incomplete for 2 months. */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>();

    public void set(Instant instant) {
        now.set(instant);
    }

    /** Back to the real time. */
    public void reset() {
        now.set(null);
    }

    @Override
    public Instant instant() {
        Instant set = now.get();
        return set == null ? Instant.now() : set;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
