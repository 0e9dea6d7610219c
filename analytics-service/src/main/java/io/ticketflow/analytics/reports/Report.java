package io.ticketflow.analytics.reports;

import io.ticketflow.analytics.kpi.Kpis;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A daily, weekly or monthly report: the period's KPIs next to the period before, the top issues
 * and the worst SLA breaches.
 *
 * @param headline      the figures a manager reads first, now and before, with the change
 * @param topTags       the 5 issue tags with the most tickets created in the period
 * @param topTypes      the 5 ticket types with the most tickets created in the period
 * @param worstBreaches the 10 SLA clocks breached in the period that were (or are) overdue longest
 */
record Report(String period, LocalDate firstDay, Instant from, Instant to, Instant previousFrom, Instant previousTo,
        List<Figure> headline, Kpis current, Kpis previous, List<Ranked> topTags, List<Ranked> topTypes,
        List<Breach> worstBreaches) {

    /**
     * @param change (current − previous) / previous, null when either is unknown or previous is 0
     */
    record Figure(String name, @Nullable Double current, @Nullable Double previous, @Nullable Double change) {

        static Figure of(String name, @Nullable Number current, @Nullable Number previous) {
            Double now = current == null ? null : current.doubleValue();
            Double before = previous == null ? null : previous.doubleValue();
            Double change = now == null || before == null || before == 0 ? null : (now - before) / before;
            return new Figure(name, now, before, change);
        }
    }

    /** An issue (tag or type) with its ticket count in the period and in the period before. */
    record Ranked(String value, long tickets, long previousTickets) {
    }

    /**
     * @param overdueSeconds from the due time to when the goal was met, or to now while it is not
     */
    record Breach(@Nullable String ticketNo, String metric, @Nullable String priority, @Nullable String department,
            @Nullable Instant dueAt, Instant breachedAt, @Nullable Instant metAt, long overdueSeconds) {
    }
}
