package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A running clock's deadline was recomputed from its start under a new policy, e.g. after the
 * ticket's priority or department changed.
 */
@CloudEventType("ticketflow.sla.clock-rescheduled.v1")
public record SlaClockRescheduled(
        String ticketId,
        String ticketNo,
        String clockId,
        SlaMetric metric,
        @Nullable Priority priority,
        @Nullable Duration budget,
        Instant dueAt,
        String reason,
        Instant rescheduledAt) implements SlaEvent {

    public SlaClockRescheduled {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(clockId, "clockId");
        requireNonNull(metric, "metric");
        requireNonNull(dueAt, "dueAt");
        requireNonNull(reason, "reason");
        requireNonNull(rescheduledAt, "rescheduledAt");
    }
}
