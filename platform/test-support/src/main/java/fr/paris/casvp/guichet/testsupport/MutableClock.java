package fr.paris.casvp.guichet.testsupport;

import fr.paris.casvp.guichet.contracts.ParisTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock a test gives the service: the real time until the test pins it, then exactly the instant it was set to
 * (frozen). A test whose expectations depend on the date pins it, so that it holds on every day of the year: a decision
 * "made" on 15 June 2025, an application left incomplete until the day after its two months.
 */
public final class MutableClock extends Clock {

    public static final ZoneId PARIS = ParisTime.ZONE;

    private final AtomicReference<Instant> now = new AtomicReference<>();

    public void set(Instant instant) {
        now.set(instant);
    }

    /** Pins the clock to a Paris wall-clock time, e.g. {@code set(LocalDate.of(2026, 7, 10).atTime(10, 0))}. */
    public void set(LocalDateTime inParis) {
        set(inParis.atZone(PARIS).toInstant());
    }

    /** Today in Paris by this clock. */
    public LocalDate today() {
        return LocalDate.ofInstant(instant(), PARIS);
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
