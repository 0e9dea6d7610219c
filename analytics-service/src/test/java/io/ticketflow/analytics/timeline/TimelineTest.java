package io.ticketflow.analytics.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.ticketflow.analytics.facts.TicketFact;
import io.ticketflow.events.TicketStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final Instant T0 = Instant.parse("2031-09-01T08:00:00Z");

    @Test
    void events_arrive_in_any_order_and_read_in_business_order_with_durations() {
        // given events recorded in arrival order: the rating first, the creation last
        List<TicketFact.Moment> arrived = List.of(
                moment("rating", "RatingReceived", 7200, null, null),
                moment("resolved", "TicketResolved", 3600, 4L, TicketStatus.RESOLVED),
                moment("assigned", "TicketAssigned", 60, null, TicketStatus.ASSIGNED),
                moment("reply", "TicketReplied", 600, 2L, TicketStatus.IN_PROGRESS),
                moment("created", "TicketCreated", 0, 1L, TicketStatus.NEW));
        TicketFact fact = new TicketFact("t-1", "203109-000001", null, null, null, null, "tech", List.of(), T0,
                T0.plusSeconds(600), T0.plusSeconds(3600), null, "agent-1", "billing", 1, 0, 0, false, List.of(), List.of(),
                List.of(), List.of(), arrived);

        Timeline timeline = Timeline.of(fact);

        assertThat(timeline.events()).extracting(Timeline.Entry::event).containsExactly(
                "TicketCreated", "TicketAssigned", "TicketReplied", "TicketResolved", "RatingReceived");
        assertThat(timeline.events()).extracting(Timeline.Entry::sincePreviousSeconds)
                .containsExactly(null, 60L, 540L, 3000L, 3600L);
        assertThat(timeline.events()).extracting(Timeline.Entry::sinceCreatedSeconds)
                .containsExactly(0L, 60L, 600L, 3600L, 7200L);
        assertThat(timeline.milestones()).containsExactly(entry("assigned", 60L), entry("firstResponse", 600L),
                entry("resolved", 3600L));
        assertThat(timeline.status()).isEqualTo(TicketStatus.RESOLVED);
    }

    private static TicketFact.Moment moment(String id, String event, long after, Long sequence, TicketStatus status) {
        return new TicketFact.Moment(id, event, T0.plusSeconds(after), sequence, status, null);
    }
}
