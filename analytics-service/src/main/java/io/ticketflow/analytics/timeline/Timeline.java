package io.ticketflow.analytics.timeline;

import io.ticketflow.analytics.facts.TicketFact;
import io.ticketflow.events.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One ticket's story: every event in business-time order with the time since the creation and
 * since the previous event, and the durations between milestones.
 *
 * @param milestones seconds from creation to the first queueing, assignment, response and
 *                   resolution, and to the closing; absent while not reached
 */
record Timeline(String ticketNo, @Nullable TicketStatus status, @Nullable Instant createdAt,
        Map<String, Long> milestones, List<Entry> events) {

    /**
     * @param sinceCreatedSeconds  null before the creation is known
     * @param sincePreviousSeconds null for the first event
     */
    record Entry(String eventId, String event, Instant at, @Nullable TicketStatus status, @Nullable String detail,
            @Nullable Long sinceCreatedSeconds, @Nullable Long sincePreviousSeconds) {
    }

    static Timeline of(TicketFact fact) {
        List<Entry> entries = new ArrayList<>();
        Instant previous = null;
        Instant created = fact.createdAt();
        Map<String, Instant> firsts = new LinkedHashMap<>();
        for (TicketFact.Moment moment : fact.timelineInOrder()) {
            entries.add(new Entry(moment.eventId(), moment.event(), moment.at(), moment.status(), moment.detail(),
                    created == null ? null : seconds(created, moment.at()),
                    previous == null ? null : seconds(previous, moment.at())));
            previous = moment.at();
            firsts.putIfAbsent(moment.event(), moment.at());
        }
        Map<String, Long> milestones = new LinkedHashMap<>();
        if (created != null) {
            milestone(milestones, "queued", created, firsts.get("TicketQueued"));
            milestone(milestones, "assigned", created, firsts.get("TicketAssigned"));
            milestone(milestones, "firstResponse", created, fact.firstResponseAt());
            milestone(milestones, "resolved", created, fact.resolvedAt());
            milestone(milestones, "closed", created, fact.closedAt());
        }
        return new Timeline(fact.ticketNo(), fact.status(), created, milestones, entries);
    }

    private static void milestone(Map<String, Long> milestones, String name, Instant created, @Nullable Instant reached) {
        if (reached != null) {
            milestones.put(name, seconds(created, reached));
        }
    }

    private static long seconds(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds();
    }
}
