package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A running clock used up a warning share of its budget (50 %, 75 %, 90 % by default).
 *
 * @param percent the share of the budget used, e.g. 75
 */
@CloudEventType("ticketflow.sla.warning-raised.v1")
public record SlaWarningRaised(
        String ticketId,
        String ticketNo,
        String clockId,
        SlaMetric metric,
        @Nullable Priority priority,
        @Nullable Department department,
        int percent,
        Instant dueAt,
        Instant warnedAt) implements SlaEvent {

    public SlaWarningRaised {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(clockId, "clockId");
        requireNonNull(metric, "metric");
        requireNonNull(dueAt, "dueAt");
        requireNonNull(warnedAt, "warnedAt");
    }
}
