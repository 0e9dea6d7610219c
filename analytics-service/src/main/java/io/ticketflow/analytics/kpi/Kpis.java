package io.ticketflow.analytics.kpi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The figures over the tickets created in a window (the cohort); docs/kpis.md defines each one
 * and {@link KpiCalculator} computes them. A mean, a percentile or a ratio is null when there is
 * nothing to average.
 *
 * @param from   the window's inclusive start, or null for "since the beginning"
 * @param to     the window's exclusive end, or null for "until now"
 * @param groups with {@code groupBy}: the same figures per value of the dimension
 */
public record Kpis(
        @Nullable Instant from,
        @Nullable Instant to,
        long ticketsCreated,
        long ticketsResolved,
        long ticketsClosed,
        @Nullable Double meanFirstResponseSeconds,
        @Nullable Double meanResolutionSeconds,
        Durations firstResponse,
        Durations resolution,
        @Nullable Double firstResponseSlaAttainment,
        Map<String, Share> slaAttainment,
        Share overdue,
        Share firstContactResolution,
        Share transfers,
        Share reopens,
        Share repeatContacts,
        @Nullable Share selfServiceDeflection,
        @Nullable Double csatMean,
        long ratings,
        @Nullable Double lowRatingShare,
        Nps nps,
        long callbacksOpened,
        Share callbackCompletion,
        Share recovery,
        long escalations,
        long backlog,
        Map<String, Long> backlogByStatus,
        Map<String, Long> backlogByAge,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String groupBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Map<String, Kpis> groups) {

    /** The same figures with a grouping attached. */
    Kpis withGroups(String dimension, Map<String, Kpis> byValue) {
        return new Kpis(from, to, ticketsCreated, ticketsResolved, ticketsClosed, meanFirstResponseSeconds,
                meanResolutionSeconds, firstResponse, resolution, firstResponseSlaAttainment, slaAttainment, overdue,
                firstContactResolution, transfers, reopens, repeatContacts, selfServiceDeflection, csatMean, ratings,
                lowRatingShare, nps, callbacksOpened, callbackCompletion, recovery, escalations, backlog, backlogByStatus,
                backlogByAge, dimension, byValue);
    }

    /** The same figures with the self-service deflection set. */
    Kpis withDeflection(Share deflection) {
        return new Kpis(from, to, ticketsCreated, ticketsResolved, ticketsClosed, meanFirstResponseSeconds,
                meanResolutionSeconds, firstResponse, resolution, firstResponseSlaAttainment, slaAttainment, overdue,
                firstContactResolution, transfers, reopens, repeatContacts, deflection, csatMean, ratings,
                lowRatingShare, nps, callbacksOpened, callbackCompletion, recovery, escalations, backlog, backlogByStatus,
                backlogByAge, groupBy, groups);
    }

    /**
     * A distribution of durations in seconds.
     *
     * @param count how many durations
     * @param p50   the median, nearest rank
     * @param p90   the 90th percentile, nearest rank
     */
    public record Durations(long count, @Nullable Double mean, @Nullable Double p50, @Nullable Double p90) {
    }

    /**
     * A ratio with the counts behind it.
     *
     * @param count the numerator
     * @param of    the denominator
     * @param ratio count / of (0..1), null when {@code of} is 0
     */
    public record Share(long count, long of, @Nullable Double ratio) {

        static Share of(long count, long of) {
            return new Share(count, of, of == 0 ? null : (double) count / of);
        }
    }

    /**
     * Net promoter score over the ratings that carry a 0–10 score.
     *
     * @param score promoters (9–10) minus detractors (0–6), in percent of the answers; null without answers
     */
    public record Nps(long answers, long promoters, long detractors, @Nullable Double score) {
    }
}
