package io.ticketflow.feedback.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.RatingReceived;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PendingEventTest {

    @Test
    void a_pending_event_gives_back_the_event_and_id_it_was_made_from() {
        RatingReceived rating = new RatingReceived("t-1", "202611-000001", "s-1", 2, 6, "slow", Instant.parse("2026-11-23T10:00:00Z"));
        UUID id = UUID.randomUUID();

        PendingEvent pending = PendingEvent.of(id, rating, Instant.parse("2026-11-23T10:00:01Z"));

        assertThat(pending.type()).isEqualTo("ticketflow.feedback.rating-received.v1");
        assertThat(pending.uuid()).isEqualTo(id);
        assertThat(pending.decode()).isEqualTo(rating);
    }
}
