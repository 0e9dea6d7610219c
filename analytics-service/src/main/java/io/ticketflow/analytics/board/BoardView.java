package io.ticketflow.analytics.board;

import io.ticketflow.analytics.alerts.Alert;
import io.ticketflow.analytics.kpi.KpiSnapshots;
import io.ticketflow.analytics.kpi.OpenTickets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the wall board shows, as sent in each {@code snapshot} server-sent event. No personal
 * data: ticket numbers, queues and figures only.
 *
 * @param atRisk at most {@link #MAX_AT_RISK} clocks, closest to breaching first
 */
record BoardView(Instant takenAt, long volumeToday, long resolvedToday, @Nullable Double csatToday, long ratingsToday,
        long backlog, Map<String, Long> backlogByPriority, long atRiskCount, List<OpenTickets.RiskyClock> atRisk,
        List<HotIssue> hotIssues) {

    static final int MAX_AT_RISK = 12;

    record HotIssue(String tag, long tickets, double baselinePerHour) {
    }

    static BoardView of(KpiSnapshots.Snapshot snapshot, List<Alert> alerts) {
        long backlog = snapshot.backlogByPriority().values().stream().mapToLong(Long::longValue).sum();
        return new BoardView(snapshot.takenAt(), snapshot.today().ticketsCreated(), snapshot.today().ticketsResolved(),
                snapshot.today().csatMean(), snapshot.today().ratings(), backlog, snapshot.backlogByPriority(),
                snapshot.atRisk().size(), snapshot.atRisk().stream().limit(MAX_AT_RISK).toList(),
                alerts.stream().filter(a -> a.kind() == Alert.Kind.HOT_ISSUE)
                        .map(a -> new HotIssue(a.subject(), a.currentCount(), a.baseline())).toList());
    }

    /** An escalation as it pops up on the board. */
    record Escalation(@Nullable String ticketNo, String level, String department, String targetRole, Instant escalatedAt) {
    }
}
