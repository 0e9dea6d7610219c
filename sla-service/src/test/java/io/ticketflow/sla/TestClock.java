package io.ticketflow.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Real time plus an offset the test moves forward: time keeps flowing, and a test jumps to a
 * deadline instead of sleeping through it.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    /** Moves time forward. */
    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    /** Moves time forward to {@code at} (never back). */
    public void advanceTo(Instant at) {
        Duration by = Duration.between(instant(), at);
        if (!by.isNegative()) {
            advance(by);
        }
    }
}
