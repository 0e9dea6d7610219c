package io.ticketflow.sla.calendar;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A stretch of time a clock stood still (the ticket waited on the customer). Its time is not
 * counted, so the deadline moves out by the working (or calendar) time it covered.
 *
 * @param from when the clock was paused
 * @param to   when it resumed
 */
public record Pause(Instant from, Instant to) {

    public Pause {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a pause must end after it starts: " + from + " - " + to);
        }
    }
}
