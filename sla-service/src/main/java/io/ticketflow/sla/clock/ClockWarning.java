package io.ticketflow.sla.clock;

import java.time.Instant;

/**
 * A warning threshold of a clock: when {@code percent} of its budget is used up.
 *
 * @param percent e.g. 75
 * @param at      when that share is used up under the current deadline
 * @param state   PENDING until it is due; RAISED once its event was decided; SKIPPED when a later
 *                threshold or the breach came due at the same time (only the latest news is sent)
 */
public record ClockWarning(int percent, Instant at, State state) {

    /** Where a warning stands. */
    public enum State { PENDING, RAISED, SKIPPED }

    boolean pending() {
        return state == State.PENDING;
    }
}
