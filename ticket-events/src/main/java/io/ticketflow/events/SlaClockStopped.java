package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A clock ended without its goal being met or missed, e.g. the ticket was closed or the clock
 * was replaced by a recomputed one.
 */
@CloudEventType("ticketflow.sla.clock-stopped.v1")
public record SlaClockStopped(
        String ticketId,
        String ticketNo,
        String clockId,
        SlaMetric metric,
        String reason,
        Instant stoppedAt) implements SlaEvent {

    public SlaClockStopped {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(clockId, "clockId");
        requireNonNull(metric, "metric");
        requireNonNull(reason, "reason");
        requireNonNull(stoppedAt, "stoppedAt");
    }
}
