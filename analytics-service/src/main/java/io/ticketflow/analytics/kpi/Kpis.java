package io.ticketflow.analytics.kpi;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The headline figures over the tickets created in a window; see {@link KpiCalculator} for the
 * definition of each. A mean or a share is null when there is nothing to average.
 *
 * @param from the window's inclusive start, or null for "since the beginning"
 * @param to   the window's exclusive end, or null for "until now"
 */
public record Kpis(
        @Nullable Instant from,
        @Nullable Instant to,
        long ticketsCreated,
        long ticketsResolved,
        @Nullable Double meanFirstResponseSeconds,
        @Nullable Double meanResolutionSeconds,
        @Nullable Double firstResponseSlaAttainment,
        @Nullable Double csatMean,
        long ratings,
        @Nullable Double lowRatingShare,
        long callbacksOpened,
        long backlog) {
}
