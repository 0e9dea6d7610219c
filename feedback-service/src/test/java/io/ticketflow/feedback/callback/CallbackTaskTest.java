package io.ticketflow.feedback.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.CallbackOpened;
import io.ticketflow.events.EventIds;
import io.ticketflow.events.EventJson;
import io.ticketflow.events.RatingReceived;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallbackTaskTest {

    private static final Instant RATED_AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration DEADLINE = Duration.ofHours(4);

    @Test
    void ratings_of_one_to_three_call_for_a_callback() {
        assertThat(CallbackTask.isDissatisfied(1)).isTrue();
        assertThat(CallbackTask.isDissatisfied(3)).isTrue();
        assertThat(CallbackTask.isDissatisfied(4)).isFalse();
        assertThat(CallbackTask.openFor(rating(4), "team-lead", DEADLINE, RATED_AT)).isEmpty();
        assertThat(CallbackTask.openFor(rating(5), "team-lead", DEADLINE, RATED_AT)).isEmpty();
    }

    @Test
    void a_callback_opens_when_the_customer_rated_and_is_due_after_the_deadline() {
        CallbackTask task = CallbackTask.openFor(rating(3), "team-lead", DEADLINE, RATED_AT.plusSeconds(1)).orElseThrow();

        assertThat(task.callbackId()).isEqualTo(EventIds.of("callback", "s-1").toString());
        assertThat(task.status()).isEqualTo(CallbackStatus.OPEN);
        assertThat(task.owner()).isEqualTo("team-lead");
        assertThat(task.openedAt()).isEqualTo(RATED_AT);
        assertThat(task.dueAt()).isEqualTo(RATED_AT.plus(DEADLINE));
        assertThat(task.pending()).singleElement().satisfies(pending -> {
            assertThat(pending.eventId()).isEqualTo(EventIds.of("callback-opened", task.callbackId()).toString());
            assertThat(EventJson.read(pending.type(), pending.payload().getBytes(StandardCharsets.UTF_8))).isEqualTo(
                    new CallbackOpened("t-1", "202611-000001", task.callbackId(), "s-1", 3, "team-lead", RATED_AT,
                            RATED_AT.plus(DEADLINE)));
        });
    }

    @Test
    void the_same_survey_always_gives_the_same_callback() {
        CallbackTask once = CallbackTask.openFor(rating(1), "team-lead", DEADLINE, RATED_AT).orElseThrow();
        CallbackTask twice = CallbackTask.openFor(rating(1), "team-lead", DEADLINE, RATED_AT.plusSeconds(30)).orElseThrow();
        assertThat(twice.callbackId()).isEqualTo(once.callbackId());
        assertThat(twice.pending().get(0).eventId()).isEqualTo(once.pending().get(0).eventId());
    }

    @Test
    void seconds_left_count_down_and_go_negative_when_overdue() {
        CallbackTask task = CallbackTask.openFor(rating(2), "team-lead", DEADLINE, RATED_AT).orElseThrow();
        assertThat(task.secondsLeftAt(RATED_AT)).isEqualTo(4 * 3600);
        assertThat(task.secondsLeftAt(task.dueAt())).isZero();
        assertThat(task.secondsLeftAt(task.dueAt().plusSeconds(90))).isEqualTo(-90);
    }

    private static RatingReceived rating(int stars) {
        return new RatingReceived("t-1", "202611-000001", "s-1", stars, null, null, RATED_AT);
    }
}
