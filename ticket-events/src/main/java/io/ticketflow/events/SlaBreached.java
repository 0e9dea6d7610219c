package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A clock reached its deadline without its goal being met. Exactly one per clock and deadline.
 *
 * @param breachNo how many breaches this ticket has had, this one included
 */
@CloudEventType("ticketflow.sla.breached.v1")
public record SlaBreached(
        String ticketId,
        String ticketNo,
        String clockId,
        SlaMetric metric,
        @Nullable Priority priority,
        @Nullable Department department,
        Instant dueAt,
        Instant breachedAt,
        int breachNo) implements SlaEvent {

    public SlaBreached {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(clockId, "clockId");
        requireNonNull(metric, "metric");
        requireNonNull(dueAt, "dueAt");
        requireNonNull(breachedAt, "breachedAt");
    }
}
