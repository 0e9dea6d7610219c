package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A running clock stopped counting: the ticket waits on the customer. */
@CloudEventType("ticketflow.sla.clock-paused.v1")
public record SlaClockPaused(
        String ticketId,
        String ticketNo,
        String clockId,
        SlaMetric metric,
        Instant pausedAt) implements SlaEvent {

    public SlaClockPaused {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(clockId, "clockId");
        requireNonNull(metric, "metric");
        requireNonNull(pausedAt, "pausedAt");
    }
}
