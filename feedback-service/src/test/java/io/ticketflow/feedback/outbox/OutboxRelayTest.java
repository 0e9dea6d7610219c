package io.ticketflow.feedback.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {

    private static final Instant STARTED = Instant.parse("2026-11-23T08:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(15);

    @Test
    void right_after_start_up_everything_a_previous_run_left_behind_is_relayed() {
        assertThat(OutboxRelay.cutoff(STARTED, GRACE, STARTED)).isEqualTo(STARTED);
        assertThat(OutboxRelay.cutoff(STARTED.plusSeconds(10), GRACE, STARTED)).isEqualTo(STARTED);
    }

    @Test
    void later_an_event_is_relayed_once_it_is_older_than_the_grace_period() {
        assertThat(OutboxRelay.cutoff(STARTED.plusSeconds(60), GRACE, STARTED)).isEqualTo(STARTED.plusSeconds(45));
    }
}
