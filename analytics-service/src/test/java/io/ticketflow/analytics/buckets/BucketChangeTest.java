package io.ticketflow.analytics.buckets;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.Channel;
import io.ticketflow.events.Department;
import io.ticketflow.events.Envelope;
import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
import io.ticketflow.events.RatingReceived;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.TicketType;
import io.ticketflow.events.TicketflowEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BucketChangeTest {

    private static final Instant AT = Instant.parse("2031-05-04T17:20:00Z");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void a_creation_counts_in_an_hour_and_a_day_bucket_of_every_dimension_it_carries() {
        BucketChange change = BucketChange.of(envelope(created(List.of("payment", "payment", "refund"))), ZoneId.of("UTC"));

        assertThat(change.increments()).allMatch(i -> i.counter().equals("created") && i.amount() == 1);
        assertThat(change.increments()).extracting(BucketChange.Increment::bucketId).containsExactlyInAnyOrder(
                "hour|2031-05-04T17:00:00Z|all|all", "day|2031-05-04T00:00:00Z|all|all",
                "hour|2031-05-04T17:00:00Z|channel|PHONE", "day|2031-05-04T00:00:00Z|channel|PHONE",
                "hour|2031-05-04T17:00:00Z|type|PROCESS", "day|2031-05-04T00:00:00Z|type|PROCESS",
                "hour|2031-05-04T17:00:00Z|nature|CONSULTATION", "day|2031-05-04T00:00:00Z|nature|CONSULTATION",
                "hour|2031-05-04T17:00:00Z|priority|P2", "day|2031-05-04T00:00:00Z|priority|P2",
                "hour|2031-05-04T17:00:00Z|department|logistics", "day|2031-05-04T00:00:00Z|department|logistics",
                "hour|2031-05-04T17:00:00Z|tag|payment", "day|2031-05-04T00:00:00Z|tag|payment",
                "hour|2031-05-04T17:00:00Z|tag|refund", "day|2031-05-04T00:00:00Z|tag|refund");
    }

    @Test
    void days_are_cut_at_midnight_in_the_calendar_zone() {
        // 17:20 UTC is 01:20 the next day in Shanghai
        BucketChange change = BucketChange.of(envelope(created(List.of())), SHANGHAI);

        assertThat(change.increments()).extracting(BucketChange.Increment::bucketId)
                .contains("day|2031-05-04T16:00:00Z|all|all", "hour|2031-05-04T17:00:00Z|all|all");
    }

    @Test
    void a_resolution_counts_under_its_agent_and_a_rating_adds_its_stars() {
        BucketChange resolved = BucketChange.of(envelope(new TicketResolved("t-1", "203105-000001", 5, AT, "agent-7", null,
                null, 1)), ZoneId.of("UTC"));
        BucketChange rated = BucketChange.of(envelope(new RatingReceived("t-1", "203105-000001", "s-1", 2, null, null, AT)),
                ZoneId.of("UTC"));

        assertThat(resolved.increments()).extracting(BucketChange.Increment::dimension, BucketChange.Increment::value)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("all", "all"), org.assertj.core.groups.Tuple.tuple("agent", "agent-7"));
        assertThat(rated.increments()).filteredOn(i -> i.period() == Period.DAY)
                .extracting(BucketChange.Increment::counter, BucketChange.Increment::amount)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("rated", 1L),
                        org.assertj.core.groups.Tuple.tuple("ratingStars", 2L), org.assertj.core.groups.Tuple.tuple("lowRated", 1L));
    }

    private static TicketCreated created(List<String> tags) {
        return new TicketCreated("t-1", "203105-000001", 1, AT, Channel.PHONE, "c-1", null, false, "Where is my parcel",
                null, tags, TicketType.PROCESS, Nature.CONSULTATION, Priority.P2, Department.LOGISTICS, TicketStatus.NEW, List.of());
    }

    private static Envelope<TicketflowEvent> envelope(TicketflowEvent event) {
        return Envelope.of(UUID.randomUUID(), "/test", AT, event);
    }
}
