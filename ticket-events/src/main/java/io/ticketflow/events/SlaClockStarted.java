package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An SLA clock started running for a ticket.
 *
 * @param clockId deterministic: the same ticket, metric and round always give the same id
 * @param budget  the policy's allowance, e.g. {@code PT2H}
 */
@CloudEventType("ticketflow.sla.clock-started.v1")
public record SlaClockStarted(
        String ticketId,
        String ticketNo,
        String clockId,
        SlaMetric metric,
        @Nullable Priority priority,
        @Nullable Duration budget,
        Instant startedAt,
        Instant dueAt) implements SlaEvent {

    public SlaClockStarted {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(clockId, "clockId");
        requireNonNull(metric, "metric");
        requireNonNull(startedAt, "startedAt");
        requireNonNull(dueAt, "dueAt");
    }
}
