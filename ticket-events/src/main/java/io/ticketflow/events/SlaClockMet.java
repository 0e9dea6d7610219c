package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The clock's goal was reached and the clock stopped.
 *
 * @param onTime true when {@code metAt} is not after {@code dueAt}
 */
@CloudEventType("ticketflow.sla.clock-met.v1")
public record SlaClockMet(
        String ticketId,
        String ticketNo,
        String clockId,
        SlaMetric metric,
        @Nullable Instant startedAt,
        @Nullable Instant dueAt,
        Instant metAt,
        boolean onTime) implements SlaEvent {

    public SlaClockMet {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(clockId, "clockId");
        requireNonNull(metric, "metric");
        requireNonNull(metAt, "metAt");
    }
}
