package io.ticketflow.analytics.kpi;

import io.ticketflow.analytics.facts.TicketFact;
import io.ticketflow.events.Priority;
import io.ticketflow.events.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The live backlog over every ticket not closed, whatever its creation day: open tickets by
 * priority and by status, and the running SLA clocks at risk of breaching (less than
 * {@code atRiskShare} of their budget left, overdue ones included until sla reports the breach).
 */
public final class OpenTickets {

    private final Instant now;
    private final double atRiskShare;
    private final Map<String, Long> byPriority = new LinkedHashMap<>();
    private final Map<String, Long> byStatus = new LinkedHashMap<>();
    private final List<RiskyClock> atRisk = new ArrayList<>();

    public OpenTickets(Instant now, double atRiskShare) {
        this.now = now;
        this.atRiskShare = atRiskShare;
        for (Priority priority : Priority.values()) {
            byPriority.put(priority.name(), 0L);
        }
        for (TicketStatus status : TicketStatus.values()) {
            if (status != TicketStatus.RESOLVED && status != TicketStatus.CLOSED) {
                byStatus.put(status.name(), 0L);
            }
        }
    }

    public OpenTickets add(TicketFact fact) {
        if (fact.created() && fact.open()) {
            byPriority.merge(fact.priority() == null ? "UNKNOWN" : fact.priority().name(), 1L, Long::sum);
            TicketStatus status = fact.status();
            byStatus.merge(status == null ? "UNKNOWN" : status.name(), 1L, Long::sum);
        }
        for (TicketFact.SlaClock clock : fact.slaClocks()) {
            if (clock.running()) {
                Duration budget = Duration.between(clock.startedAt(), clock.dueAt());
                Duration left = Duration.between(now, clock.dueAt());
                if (left.toMillis() < budget.toMillis() * atRiskShare) {
                    atRisk.add(new RiskyClock(fact.ticketNo(), clock.metric(),
                            clock.priority() != null ? clock.priority() : fact.priority() == null ? null : fact.priority().name(),
                            fact.department(), fact.assignee(), clock.dueAt(), left.toSeconds(), budget.toSeconds()));
                }
            }
        }
        return this;
    }

    public Map<String, Long> byPriority() {
        return Map.copyOf(byPriority);
    }

    public Map<String, Long> byStatus() {
        return Map.copyOf(byStatus);
    }

    /** The clocks at risk, the closest to (or furthest past) their due time first. */
    public List<RiskyClock> atRisk() {
        return atRisk.stream().sorted(Comparator.comparing(RiskyClock::dueAt)).toList();
    }

    /**
     * A running SLA clock with little budget left.
     *
     * @param secondsLeft until the due time; negative once overdue
     */
    public record RiskyClock(@Nullable String ticketNo, String metric, @Nullable String priority,
            @Nullable String department, @Nullable String assignee, Instant dueAt, long secondsLeft, long budgetSeconds) {
    }
}
