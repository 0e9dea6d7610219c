package io.ticketflow.sla.clock;

import io.ticketflow.sla.outbox.PendingEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.events.EventIds;
import io.ticketflow.events.Priority;
import io.ticketflow.events.SlaClockMet;
import io.ticketflow.events.SlaClockStarted;
import io.ticketflow.events.SlaMetric;
import io.ticketflow.sla.calendar.BusinessCalendar;
import io.ticketflow.sla.calendar.CalendarProperties;
import io.ticketflow.sla.calendar.TimeMode;
import io.ticketflow.sla.policy.Allowance;
import io.ticketflow.sla.policy.SlaPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaClockTest {

    private static final BusinessCalendar CALENDAR = new CalendarProperties(Map.of()).toCalendars().get("default");
    private static final SlaPolicy P1_FIRST_RESPONSE =
            new SlaPolicy(SlaMetric.FIRST_RESPONSE, Priority.P1, Allowance.calendarTime(Duration.ofHours(2)));
    private static final Instant CREATED = Instant.parse("2026-11-23T02:00:00.123456Z");
    private static final Instant NOW = Instant.parse("2026-11-23T02:00:01Z");

    private final SlaClock clock = SlaClock.start("t-1", "202611-000001", SlaMetric.FIRST_RESPONSE, Priority.P1, CREATED,
            P1_FIRST_RESPONSE, CALENDAR, NOW);

    @Test
    void a_started_clock_is_due_after_its_budget_and_holds_its_started_event() {
        assertThat(clock.clockId()).isEqualTo(EventIds.of("sla-clock", "t-1", SlaMetric.FIRST_RESPONSE, 1).toString());
        assertThat(clock.state()).isEqualTo(ClockState.RUNNING);
        assertThat(clock.startedAt()).isEqualTo(Instant.parse("2026-11-23T02:00:00.123Z"));
        assertThat(clock.dueAt()).isEqualTo(Instant.parse("2026-11-23T04:00:00.123Z"));
        assertThat(clock.budget()).isEqualTo(Duration.ofHours(2));
        assertThat(clock.mode()).isEqualTo(TimeMode.CALENDAR);
        assertThat(clock.calendar()).isEqualTo("default");

        PendingEvent pending = clock.pendingEvents().get(0);
        assertThat(clock.pendingEvents()).hasSize(1);
        assertThat(pending.id()).isEqualTo(EventIds.of("sla-clock-started", clock.clockId()));
        assertThat(pending.type()).isEqualTo("ticketflow.sla.clock-started.v1");
        assertThat(pending.recordedAt()).isEqualTo(NOW);
        assertThat(pending.event()).isEqualTo(new SlaClockStarted("t-1", "202611-000001", clock.clockId(),
                SlaMetric.FIRST_RESPONSE, Priority.P1, Duration.ofHours(2), clock.startedAt(), clock.dueAt()));
    }

    @Test
    void the_same_ticket_and_metric_always_give_the_same_clock() {
        SlaClock again = SlaClock.start("t-1", "202611-000001", SlaMetric.FIRST_RESPONSE, Priority.P1, CREATED,
                P1_FIRST_RESPONSE, CALENDAR, NOW.plusSeconds(60));
        assertThat(again.clockId()).isEqualTo(clock.clockId());
        assertThat(again.pendingEvents().get(0).eventId()).isEqualTo(clock.pendingEvents().get(0).eventId());
        assertThat(SlaClock.idOf("t-1", SlaMetric.RESOLUTION, 1)).isNotEqualTo(clock.clockId());
    }

    @Test
    void met_by_the_due_time_is_on_time_even_at_the_very_last_millisecond() {
        SlaClock met = clock.meet(clock.dueAt(), NOW);

        assertThat(met.onTime()).isTrue();
        assertThat(met.state()).isEqualTo(ClockState.MET);
        assertThat(met.nextFireAt()).isNull();
        PendingEvent event = met.pendingEvents().get(1);
        assertThat(event.id()).isEqualTo(EventIds.of("sla-clock-met", clock.clockId()));
        assertThat(event.event()).isEqualTo(new SlaClockMet("t-1", "202611-000001", clock.clockId(),
                SlaMetric.FIRST_RESPONSE, clock.startedAt(), clock.dueAt(), clock.dueAt(), true));
    }

    @Test
    void met_after_the_due_time_is_late() {
        SlaClock met = clock.meet(clock.dueAt().plusMillis(1), NOW);

        assertThat(met.onTime()).isFalse();
        assertThat(((SlaClockMet) met.pendingEvents().get(1).event()).onTime()).isFalse();
    }

    @Test
    void remaining_seconds_count_down_and_turn_negative_when_overdue() {
        assertThat(clock.remainingSecondsAt(clock.startedAt())).isEqualTo(7200);
        assertThat(clock.remainingSecondsAt(clock.dueAt())).isZero();
        assertThat(clock.remainingSecondsAt(clock.dueAt().plusMillis(500))).isEqualTo(-1);
        assertThat(clock.remainingSecondsAt(clock.dueAt().plusSeconds(90))).isEqualTo(-90);
    }

    @Test
    void a_stopped_clock_has_no_remaining_time_and_cannot_stop_again() {
        SlaClock stopped = clock.meet(CREATED.plusSeconds(60), NOW);

        assertThat(stopped.remainingSecondsAt(NOW)).isNull();
        assertThatThrownBy(() -> stopped.meet(NOW, NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_working_day_clock_is_due_on_the_calendar() {
        SlaPolicy p3 = new SlaPolicy(SlaMetric.FIRST_RESPONSE, Priority.P3, Allowance.workingDays(1));
        // Friday 17:00 in Shanghai
        SlaClock p3Clock = SlaClock.start("t-3", "202611-000003", SlaMetric.FIRST_RESPONSE, Priority.P3,
                Instant.parse("2026-11-20T09:00:00Z"), p3, CALENDAR, NOW);

        assertThat(p3Clock.budget()).isEqualTo(Duration.ofHours(9));
        assertThat(p3Clock.mode()).isEqualTo(TimeMode.WORKING);
        // 1 h on Friday, 8 h on Monday: Monday 17:00 in Shanghai
        assertThat(p3Clock.dueAt()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
    }
}
