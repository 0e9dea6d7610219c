package io.ticketflow.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.Department;
import io.ticketflow.events.EventIds;
import io.ticketflow.events.Priority;
import io.ticketflow.events.SlaBreached;
import io.ticketflow.events.SlaClockPaused;
import io.ticketflow.events.SlaClockRescheduled;
import io.ticketflow.events.SlaClockResumed;
import io.ticketflow.events.SlaClockStopped;
import io.ticketflow.events.SlaMetric;
import io.ticketflow.events.SlaWarningRaised;
import io.ticketflow.sla.calendar.BusinessCalendar;
import io.ticketflow.sla.calendar.CalendarProperties;
import io.ticketflow.sla.calendar.TimeMode;
import io.ticketflow.sla.outbox.PendingEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pauses, warnings, breaches and recomputation of one clock, as plain rules. Monday 23 Nov 2026, Shanghai. */
class SlaClockRulesTest {

    private static final BusinessCalendar CALENDAR = new CalendarProperties(Map.of()).toCalendars().get("default");
    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z"); // 10:00 in Shanghai
    private static final Instant NOW = T0;

    private final SlaClock p2Resolution = SlaClock.start(new SlaClock.Start("t-9", "202611-000009", SlaMetric.RESOLUTION, null, 1,
            Priority.P2, Department.TECH, T0), Duration.ofHours(8), TimeMode.CALENDAR, CALENDAR, List.of(50, 75, 90), NOW);

    @Test
    void a_new_clock_fires_first_at_its_earliest_warning() {
        assertThat(p2Resolution.warnings()).extracting(ClockWarning::percent, ClockWarning::at).containsExactly(
                org.assertj.core.groups.Tuple.tuple(50, T0.plus(Duration.ofHours(4))),
                org.assertj.core.groups.Tuple.tuple(75, T0.plus(Duration.ofHours(6))),
                org.assertj.core.groups.Tuple.tuple(90, T0.plus(Duration.ofMinutes(432))));
        assertThat(p2Resolution.nextFireAt()).isEqualTo(T0.plus(Duration.ofHours(4)));
    }

    @Test
    void warnings_fire_in_turn_then_the_breach_once_per_deadline() {
        SlaClock at50 = p2Resolution.warn(T0.plus(Duration.ofHours(4))).orElseThrow();
        SlaWarningRaised fifty = (SlaWarningRaised) last(at50).event();
        assertThat(fifty.percent()).isEqualTo(50);
        assertThat(last(at50).id()).isEqualTo(EventIds.of("sla-warning", at50.clockId(), at50.dueAt(), 50));
        assertThat(at50.nextFireAt()).isEqualTo(T0.plus(Duration.ofHours(6)));
        assertThat(at50.warn(T0.plus(Duration.ofHours(5)))).isEmpty();

        // the service was down from 5 h to 7.5 h: only the latest news, 90 %, is raised; 75 % is skipped
        SlaClock at90 = at50.warn(T0.plus(Duration.ofMinutes(450))).orElseThrow();
        assertThat(((SlaWarningRaised) last(at90).event()).percent()).isEqualTo(90);
        assertThat(at90.warnings()).extracting(ClockWarning::state).containsExactly(ClockWarning.State.RAISED,
                ClockWarning.State.SKIPPED, ClockWarning.State.RAISED);
        assertThat(at90.nextFireAt()).isEqualTo(at90.dueAt());
        assertThat(at90.breachDue(at90.dueAt().minusMillis(1))).isFalse();

        SlaClock breached = at90.breach(2, at90.dueAt());
        SlaBreached breach = (SlaBreached) last(breached).event();
        assertThat(breach.breachNo()).isEqualTo(2);
        assertThat(breach.dueAt()).isEqualTo(T0.plus(Duration.ofHours(8)));
        assertThat(breach.department()).isEqualTo(Department.TECH);
        assertThat(last(breached).id()).isEqualTo(SlaClock.breachEventId(breached.clockId(), breached.dueAt()));
        assertThat(breached.breachDue(breached.dueAt().plusSeconds(3600))).isFalse();
        assertThat(breached.nextFireAt()).isNull();
        assertThat(breached.running()).isTrue();
    }

    @Test
    void a_clock_found_overdue_breaches_without_stale_warnings() {
        SlaClock breached = p2Resolution.breach(1, T0.plus(Duration.ofHours(9)));
        assertThat(breached.warnings()).allMatch(w -> w.state() == ClockWarning.State.SKIPPED);
        assertThat(breached.pendingEvents()).extracting(PendingEvent::type)
                .containsExactly("ticketflow.sla.clock-started.v1", "ticketflow.sla.breached.v1");
    }

    @Test
    void paused_time_is_added_back_to_the_deadline_and_its_warnings() {
        SlaClock paused = p2Resolution.pause(T0.plus(Duration.ofHours(1)), NOW).orElseThrow();
        assertThat(paused.state()).isEqualTo(ClockState.PAUSED);
        assertThat(paused.nextFireAt()).isNull();
        assertThat(paused.remainingSecondsAt(NOW)).isNull();
        assertThat(last(paused).event()).isInstanceOf(SlaClockPaused.class);
        assertThat(paused.pause(T0.plus(Duration.ofHours(2)), NOW)).isEmpty();

        SlaClock resumed = paused.resume(T0.plus(Duration.ofHours(3)), CALENDAR, NOW).orElseThrow();
        SlaClockResumed event = (SlaClockResumed) last(resumed).event();
        assertThat(event.pausedTotal()).isEqualTo(Duration.ofHours(2));
        assertThat(event.dueAt()).isEqualTo(T0.plus(Duration.ofHours(10)));
        assertThat(resumed.dueAt()).isEqualTo(T0.plus(Duration.ofHours(10)));
        assertThat(resumed.nextFireAt()).isEqualTo(T0.plus(Duration.ofHours(6)));
        assertThat(resumed.pausedTotal(T0.plus(Duration.ofHours(5)))).isEqualTo(Duration.ofHours(2));
        assertThat(resumed.resume(T0.plus(Duration.ofHours(4)), CALENDAR, NOW)).isEmpty();
    }

    @Test
    void a_working_time_clock_paused_overnight_only_gets_the_working_hours_back() {
        SlaClock p3 = SlaClock.start(new SlaClock.Start("t-3", "202611-000003", SlaMetric.FIRST_RESPONSE, null, 1, Priority.P3,
                null, T0), CALENDAR.workingDays(1), TimeMode.WORKING, CALENDAR, List.of(50), NOW);
        assertThat(p3.dueAt()).isEqualTo(Instant.parse("2026-11-24T02:00:00Z")); // Tuesday 10:00
        // paused Monday 17:00 (09:00Z) to Tuesday 10:00 (02:00Z): 1 h Monday + 1 h Tuesday of working time
        SlaClock resumed = p3.pause(Instant.parse("2026-11-23T09:00:00Z"), NOW).orElseThrow()
                .resume(Instant.parse("2026-11-24T02:00:00Z"), CALENDAR, NOW).orElseThrow();
        assertThat(resumed.dueAt()).isEqualTo(Instant.parse("2026-11-24T04:00:00Z")); // Tuesday 12:00
    }

    @Test
    void a_new_priority_recounts_the_deadline_from_the_start() {
        SlaClock rescheduled = p2Resolution.reschedule(Priority.P0, Department.TECH, Duration.ofHours(24), TimeMode.CALENDAR,
                CALENDAR, "reclassified P2->P0", T0.plus(Duration.ofHours(1)), NOW).orElseThrow();
        SlaClockRescheduled event = (SlaClockRescheduled) last(rescheduled).event();
        assertThat(event.dueAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(event.priority()).isEqualTo(Priority.P0);
        assertThat(rescheduled.priority()).isEqualTo(Priority.P0);
        assertThat(rescheduled.nextFireAt()).isEqualTo(T0.plus(Duration.ofHours(12)));
        // the same recomputation again changes nothing
        assertThat(rescheduled.reschedule(Priority.P0, Department.TECH, Duration.ofHours(24), TimeMode.CALENDAR, CALENDAR, "again",
                T0.plus(Duration.ofHours(2)), NOW)).isEmpty();
    }

    @Test
    void a_shorter_deadline_already_past_breaches_at_the_next_look() {
        SlaClock rescheduled = p2Resolution.reschedule(Priority.P0, Department.TECH, Duration.ofMinutes(15), TimeMode.CALENDAR,
                CALENDAR, "reclassified", T0.plus(Duration.ofHours(1)), NOW).orElseThrow();
        assertThat(rescheduled.warnings()).allMatch(w -> w.state() == ClockWarning.State.SKIPPED);
        assertThat(rescheduled.nextFireAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(rescheduled.breachDue(T0.plus(Duration.ofHours(1)))).isTrue();
    }

    @Test
    void a_stopped_clock_fires_nothing_more() {
        SlaClock stopped = p2Resolution.stop("ticket-closed", T0.plus(Duration.ofHours(1)), NOW);
        assertThat(stopped.state()).isEqualTo(ClockState.STOPPED);
        assertThat(stopped.nextFireAt()).isNull();
        assertThat(stopped.warn(T0.plus(Duration.ofHours(9)))).isEmpty();
        assertThat(stopped.breachDue(T0.plus(Duration.ofHours(9)))).isFalse();
        assertThat(((SlaClockStopped) last(stopped).event()).reason()).isEqualTo("ticket-closed");
    }

    private static PendingEvent last(SlaClock clock) {
        return clock.pendingEvents().get(clock.pendingEvents().size() - 1);
    }
}
