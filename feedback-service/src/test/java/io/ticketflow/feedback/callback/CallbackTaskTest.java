package io.ticketflow.feedback.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.events.CallbackAttempted;
import io.ticketflow.events.CallbackCompleted;
import io.ticketflow.events.CallbackOpened;
import io.ticketflow.events.CallbackOutcome;
import io.ticketflow.events.EventIds;
import io.ticketflow.events.EventJson;
import io.ticketflow.events.RatingReceived;
import io.ticketflow.events.ReopenRequested;
import io.ticketflow.events.RootCause;
import io.ticketflow.events.RootCauseFactor;
import io.ticketflow.events.TicketflowEvent;
import io.ticketflow.feedback.outbox.PendingEvent;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallbackTaskTest {

    /** Monday 10:00 Beijing time. */
    private static final Instant RATED_AT = Instant.parse("2026-11-23T02:00:00Z");
    private static final Duration DEADLINE = Duration.ofHours(4);
    private static final WorkingHours CALENDAR = new WorkingHours(ZoneId.of("Asia/Shanghai"), LocalTime.of(9, 0),
            LocalTime.of(18, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    private static final Instant CALLED_AT = RATED_AT.plus(Duration.ofHours(1));

    @Test
    void ratings_of_one_to_three_call_for_a_callback() {
        assertThat(CallbackTask.isDissatisfied(1)).isTrue();
        assertThat(CallbackTask.isDissatisfied(3)).isTrue();
        assertThat(CallbackTask.isDissatisfied(4)).isFalse();
        assertThat(open(4)).isNull();
        assertThat(open(5)).isNull();
    }

    @Test
    void a_callback_opens_when_the_customer_rated_for_the_lead_and_is_due_after_the_working_deadline() {
        CallbackTask task = open(3);

        assertThat(task.callbackId()).isEqualTo(EventIds.of("callback", "s-1").toString());
        assertThat(task.status()).isEqualTo(CallbackStatus.OPEN);
        assertThat(task.owner()).isEqualTo("lead-wang");
        assertThat(task.team()).isEqualTo("billing-1");
        assertThat(task.openedAt()).isEqualTo(RATED_AT);
        assertThat(task.dueAt()).isEqualTo(RATED_AT.plus(DEADLINE));
        assertThat(task.attempts()).isZero();
        assertThat(task.pending()).singleElement().satisfies(pending -> {
            assertThat(pending.eventId()).isEqualTo(EventIds.of("callback-opened", task.callbackId()).toString());
            assertThat(decode(pending)).isEqualTo(new CallbackOpened("t-1", "202611-000001", task.callbackId(), "s-1", 3,
                    "lead-wang", RATED_AT, RATED_AT.plus(DEADLINE), "billing-1"));
        });
    }

    @Test
    void a_rating_late_in_the_day_is_due_the_next_working_morning() {
        Instant friday1700 = Instant.parse("2026-11-27T09:00:00Z");
        CallbackTask task = CallbackTask.openFor(new RatingReceived("t-1", "202611-000001", "s-1", 2, null, null, friday1700),
                "lead", null, CALENDAR, DEADLINE, friday1700).orElseThrow();
        assertThat(task.dueAt()).isEqualTo(Instant.parse("2026-11-30T04:00:00Z")); // Monday 12:00 Beijing
    }

    @Test
    void the_same_survey_always_gives_the_same_callback() {
        CallbackTask once = open(1);
        CallbackTask twice = CallbackTask.openFor(rating(1), "lead-wang", "billing-1", CALENDAR, DEADLINE,
                RATED_AT.plusSeconds(30)).orElseThrow();
        assertThat(twice.callbackId()).isEqualTo(once.callbackId());
        assertThat(twice.pending().get(0).eventId()).isEqualTo(once.pending().get(0).eventId());
    }

    @Test
    void a_reached_satisfied_customer_completes_the_task() {
        CallbackTask task = published(open(2));
        CallbackTask done = task.record(new CallbackCall("lead-wang", true, RootCause.TOOLING, RootCauseFactor.MACHINE,
                "Refund tool was down, call 13812345678", CallbackOutcome.SATISFIED, null), 3, CALLED_AT);

        assertThat(done.status()).isEqualTo(CallbackStatus.COMPLETED);
        assertThat(done.outcome()).isEqualTo(CallbackOutcome.SATISFIED);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.notes()).isEqualTo("Refund tool was down, call 138****5678");
        assertThat(done.pending()).singleElement().satisfies(pending -> {
            assertThat(pending.eventId()).isEqualTo(EventIds.of("callback-completed", task.callbackId()).toString());
            assertThat(decode(pending)).isEqualTo(new CallbackCompleted("t-1", "202611-000001", task.callbackId(), "lead-wang",
                    true, RootCause.TOOLING, RootCauseFactor.MACHINE, "Refund tool was down, call 138****5678",
                    CallbackOutcome.SATISFIED, 1, 2, "lead-wang", "billing-1", RATED_AT, task.dueAt(), CALLED_AT));
        });
    }

    @Test
    void a_reopen_completes_the_task_and_asks_for_the_ticket_back() {
        CallbackTask done = published(open(1)).record(new CallbackCall("lead-wang", true, RootCause.PROCESS_DESIGN, null,
                null, CallbackOutcome.REOPEN, "agent-7"), 3, CALLED_AT);

        assertThat(done.outcome()).isEqualTo(CallbackOutcome.REOPEN);
        List<TicketflowEvent> events = done.pending().stream().map(CallbackTaskTest::decode).toList();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(CallbackCompleted.class);
        assertThat(events.get(1)).isEqualTo(new ReopenRequested("t-1", "202611-000001", done.callbackId(),
                "callback: customer dissatisfied, root cause PROCESS_DESIGN", "agent-7", "lead-wang", CALLED_AT));
        assertThat(done.pending().get(1).eventId()).isEqualTo(EventIds.of("reopen-requested", done.callbackId()).toString());
    }

    @Test
    void an_unreached_customer_is_called_again_until_the_attempts_are_used_up() {
        CallbackCall noAnswer = new CallbackCall("lead-wang", false, null, null, "voicemail", null, null);
        CallbackTask first = published(open(2)).record(noAnswer, 2, CALLED_AT);
        assertThat(first.status()).isEqualTo(CallbackStatus.OPEN);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.pending()).singleElement().satisfies(p -> {
            assertThat(p.eventId()).isEqualTo(EventIds.of("callback-attempted", first.callbackId(), 1).toString());
            assertThat(decode(p)).isEqualTo(new CallbackAttempted("t-1", "202611-000001", first.callbackId(), 1, "lead-wang",
                    true, "voicemail", CALLED_AT));
        });

        CallbackTask last = published(first).record(noAnswer, 2, CALLED_AT.plusSeconds(600));
        assertThat(last.status()).isEqualTo(CallbackStatus.COMPLETED);
        assertThat(last.outcome()).isEqualTo(CallbackOutcome.UNREACHABLE);
        assertThat(last.attempts()).isEqualTo(2);
        List<TicketflowEvent> events = last.pending().stream().map(CallbackTaskTest::decode).toList();
        assertThat(events.get(0)).isInstanceOfSatisfying(CallbackAttempted.class, a -> {
            assertThat(a.attemptNo()).isEqualTo(2);
            assertThat(a.willRetry()).isFalse();
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(CallbackCompleted.class, c -> {
            assertThat(c.outcome()).isEqualTo(CallbackOutcome.UNREACHABLE);
            assertThat(c.reached()).isFalse();
            assertThat(c.attempts()).isEqualTo(2);
        });
    }

    @Test
    void an_ended_task_takes_no_more_calls() {
        CallbackTask done = published(open(2)).record(new CallbackCall("lead", true, RootCause.PEOPLE_SKILL, null, null,
                CallbackOutcome.SATISFIED, null), 3, CALLED_AT);
        assertThatThrownBy(() -> done.record(new CallbackCall("lead", false, null, null, null, null, null), 3, CALLED_AT))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_call_report_must_make_sense() {
        assertThatThrownBy(() -> new CallbackCall("lead", true, null, null, null, CallbackOutcome.SATISFIED, null))
                .hasMessageContaining("rootCause");
        assertThatThrownBy(() -> new CallbackCall("lead", true, RootCause.TOOLING, null, null, CallbackOutcome.UNREACHABLE, null))
                .hasMessageContaining("SATISFIED or REOPEN");
        assertThatThrownBy(() -> new CallbackCall("lead", false, null, null, null, CallbackOutcome.SATISFIED, null))
                .hasMessageContaining("no outcome");
        assertThatThrownBy(() -> new CallbackCall("lead", true, RootCause.TOOLING, null, null, CallbackOutcome.SATISFIED, "a-1"))
                .hasMessageContaining("preferredAgentId");
        assertThatThrownBy(() -> new CallbackCall(" ", false, null, null, null, null, null)).hasMessageContaining("calledBy");
    }

    @Test
    void seconds_left_count_down_and_go_negative_when_overdue() {
        CallbackTask task = open(2);
        assertThat(task.secondsLeftAt(RATED_AT)).isEqualTo(4 * 3600);
        assertThat(task.secondsLeftAt(task.dueAt())).isZero();
        assertThat(task.secondsLeftAt(task.dueAt().plusSeconds(90))).isEqualTo(-90);
    }

    private static CallbackTask open(int stars) {
        return CallbackTask.openFor(rating(stars), "lead-wang", "billing-1", CALENDAR, DEADLINE, RATED_AT.plusSeconds(1))
                .orElse(null);
    }

    /** The task as stored once its pending events were published. */
    private static CallbackTask published(CallbackTask task) {
        return new CallbackTask(task.callbackId(), task.ticketId(), task.ticketNo(), task.surveyId(), task.rating(), task.owner(),
                task.team(), task.status(), task.openedAt(), task.dueAt(), task.attempts(), task.outcome(), task.calledBy(),
                task.reached(), task.rootCause(), task.factor(), task.notes(), task.completedAt(), List.of());
    }

    private static TicketflowEvent decode(PendingEvent pending) {
        return EventJson.read(pending.type(), pending.payload().getBytes(StandardCharsets.UTF_8));
    }

    private static RatingReceived rating(int stars) {
        return new RatingReceived("t-1", "202611-000001", "s-1", stars, null, null, RATED_AT);
    }
}
