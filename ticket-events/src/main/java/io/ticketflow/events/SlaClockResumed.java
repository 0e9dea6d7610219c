package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * A paused clock counts again; the time it stood still is added back to its deadline.
 *
 * @param pausedTotal all the time this clock has been paused so far
 */
@CloudEventType("ticketflow.sla.clock-resumed.v1")
public record SlaClockResumed(
        String ticketId,
        String ticketNo,
        String clockId,
        SlaMetric metric,
        Instant resumedAt,
        Duration pausedTotal,
        Instant dueAt) implements SlaEvent {

    public SlaClockResumed {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(clockId, "clockId");
        requireNonNull(metric, "metric");
        requireNonNull(resumedAt, "resumedAt");
        requireNonNull(pausedTotal, "pausedTotal");
        requireNonNull(dueAt, "dueAt");
    }
}
