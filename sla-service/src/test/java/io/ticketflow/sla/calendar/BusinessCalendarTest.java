package io.ticketflow.sla.calendar;

import static io.ticketflow.sla.calendar.TimeMode.CALENDAR;
import static io.ticketflow.sla.calendar.TimeMode.WORKING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The default calendar: Mon–Fri 09:00-18:00 in Asia/Shanghai. In November 2026 the 20th is a
 * Friday, the 21st and 22nd a weekend, the 23rd a Monday.
 */
class BusinessCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final OpeningHours NINE_TO_SIX = OpeningHours.valueOf("09:00-18:00");

    private final BusinessCalendar calendar = calendar(Set.of(), Set.of());

    @Test
    void one_working_day_is_the_standard_day() {
        assertThat(calendar.workingDay()).isEqualTo(Duration.ofHours(9));
        assertThat(calendar.workingDays(3)).isEqualTo(Duration.ofHours(27));
    }

    @Test
    void working_time_within_opening_hours_just_adds() {
        assertThat(calendar.dueAt(local("2026-11-23T10:00"), Duration.ofHours(2), WORKING)).isEqualTo(local("2026-11-23T12:00"));
    }

    @Test
    void a_clock_started_before_opening_starts_at_opening() {
        assertThat(calendar.dueAt(local("2026-11-23T07:30"), Duration.ofHours(1), WORKING)).isEqualTo(local("2026-11-23T10:00"));
    }

    @Test
    void a_clock_started_after_closing_starts_at_the_next_opening() {
        assertThat(calendar.dueAt(local("2026-11-23T19:00"), Duration.ofHours(1), WORKING)).isEqualTo(local("2026-11-24T10:00"));
        assertThat(calendar.dueAt(local("2026-11-23T18:00"), Duration.ofHours(1), WORKING)).isEqualTo(local("2026-11-24T10:00"));
    }

    @Test
    void a_budget_that_runs_out_exactly_at_closing_is_due_at_closing_not_at_the_next_opening() {
        assertThat(calendar.dueAt(local("2026-11-23T09:00"), Duration.ofHours(9), WORKING)).isEqualTo(local("2026-11-23T18:00"));
        assertThat(calendar.dueAt(local("2026-11-23T16:00"), Duration.ofHours(2), WORKING)).isEqualTo(local("2026-11-23T18:00"));
        // started before opening, a whole working day ends at that day's closing
        assertThat(calendar.dueAt(local("2026-11-23T06:00"), Duration.ofHours(9), WORKING)).isEqualTo(local("2026-11-23T18:00"));
    }

    @Test
    void working_time_skips_the_weekend() {
        // Friday 17:00 + 2 working hours: one hour on Friday, one on Monday
        assertThat(calendar.dueAt(local("2026-11-20T17:00"), Duration.ofHours(2), WORKING)).isEqualTo(local("2026-11-23T10:00"));
        // a clock started on Saturday starts on Monday morning
        assertThat(calendar.dueAt(local("2026-11-21T11:00"), Duration.ofHours(9), WORKING)).isEqualTo(local("2026-11-23T18:00"));
    }

    @Test
    void the_what_if_example_saturday_1am_in_shanghai_plus_one_working_day_is_monday_closing() {
        assertThat(calendar.dueAt(Instant.parse("2026-11-20T17:00:00Z"), Duration.ofHours(9), WORKING))
                .isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    }

    @Test
    void working_days_span_several_days_and_a_weekend() {
        // P3 resolution, 3 working days from Wednesday 14:00: Wed 4 h, Thu 9 h, Fri 9 h, Mon 5 h
        assertThat(calendar.dueAt(local("2026-11-18T14:00"), calendar.workingDays(3), WORKING)).isEqualTo(local("2026-11-23T14:00"));
    }

    @Test
    void a_holiday_is_skipped_like_a_weekend_day() {
        BusinessCalendar withHoliday = calendar(Set.of(LocalDate.parse("2026-11-23")), Set.of());
        assertThat(withHoliday.dueAt(local("2026-11-20T17:00"), Duration.ofHours(2), WORKING)).isEqualTo(local("2026-11-24T10:00"));
        assertThat(withHoliday.hoursOn(LocalDate.parse("2026-11-23"))).isEmpty();
    }

    @Test
    void a_make_up_day_on_a_weekend_works_the_standard_day() {
        BusinessCalendar withMakeUpSaturday = calendar(Set.of(), Set.of(LocalDate.parse("2026-11-21")));
        assertThat(withMakeUpSaturday.dueAt(local("2026-11-20T17:00"), Duration.ofHours(2), WORKING)).isEqualTo(local("2026-11-21T10:00"));
        assertThat(withMakeUpSaturday.hoursOn(LocalDate.parse("2026-11-21"))).contains(NINE_TO_SIX);
    }

    @Test
    void a_long_holiday_with_make_up_days_around_it() {
        // a week off from Monday 23rd, the Sunday before worked instead
        Set<LocalDate> week = Set.of(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-25"),
                LocalDate.parse("2026-11-26"), LocalDate.parse("2026-11-27"));
        BusinessCalendar golden = calendar(week, Set.of(LocalDate.parse("2026-11-22")));
        // Friday 17:00 + 3 working days (27 h): Fri 1 h, Sun 9 h, then the next Monday 9 h and Tuesday 8 h
        assertThat(golden.dueAt(local("2026-11-20T17:00"), golden.workingDays(3), WORKING)).isEqualTo(local("2026-12-01T17:00"));
    }

    @Test
    void calendar_time_counts_nights_weekends_and_holidays() {
        BusinessCalendar withHoliday = calendar(Set.of(LocalDate.parse("2026-11-23")), Set.of());
        assertThat(withHoliday.dueAt(local("2026-11-20T17:00"), Duration.ofHours(2), CALENDAR)).isEqualTo(local("2026-11-20T19:00"));
        assertThat(withHoliday.dueAt(local("2026-11-21T03:00"), Duration.ofMinutes(15), CALENDAR)).isEqualTo(local("2026-11-21T03:15"));
    }

    @Test
    void weekday_hours_may_differ() {
        Map<DayOfWeek, OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
        hours.put(DayOfWeek.FRIDAY, OpeningHours.valueOf("09:00-12:00"));
        hours.put(DayOfWeek.SATURDAY, OpeningHours.valueOf("10:00-14:00"));
        BusinessCalendar shortWeek = new BusinessCalendar("short", SHANGHAI, hours, NINE_TO_SIX, Set.of(), Set.of());
        // Friday 11:00: 1 h on Friday, 4 h on Saturday, then the next Friday
        assertThat(shortWeek.dueAt(local("2026-11-20T11:00"), Duration.ofHours(6), WORKING)).isEqualTo(local("2026-11-27T10:00"));
    }

    @Test
    void a_zero_budget_in_working_time_is_due_at_the_next_opening() {
        assertThat(calendar.dueAt(local("2026-11-21T11:00"), Duration.ZERO, WORKING)).isEqualTo(local("2026-11-23T09:00"));
    }

    @Test
    void inconsistent_calendars_are_refused() {
        LocalDate day = LocalDate.parse("2026-11-21");
        assertThatThrownBy(() -> calendar(Set.of(day), Set.of(day))).hasMessageContaining("both as holiday and as make-up");
        assertThatThrownBy(() -> new BusinessCalendar("closed", SHANGHAI, Map.of(), NINE_TO_SIX, Set.of(), Set.of()))
                .hasMessageContaining("at least one weekday");
        assertThatThrownBy(() -> calendar.dueAt(local("2026-11-23T10:00"), Duration.ofHours(-1), WORKING))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void opening_hours_are_read_from_their_configuration_form() {
        assertThat(OpeningHours.valueOf(" 08:30 - 17:30 ").length()).isEqualTo(Duration.ofHours(9));
        assertThat(OpeningHours.valueOf("09:00-18:00")).hasToString("09:00-18:00");
        assertThatThrownBy(() -> OpeningHours.valueOf("18:00-09:00")).hasMessageContaining("close after they open");
        assertThatThrownBy(() -> OpeningHours.valueOf("nine to six")).hasMessageContaining("09:00-18:00");
    }

    @Test
    void paused_working_time_is_added_back_but_a_pause_outside_opening_hours_costs_nothing() {
        // Monday 10:00 + 4 working hours = 14:00; a pause 11:00-12:30 moves it to 15:30
        Instant start = local("2026-11-23T10:00");
        assertThat(calendar.dueAt(start, Duration.ofHours(4), WORKING,
                List.of(new Pause(local("2026-11-23T11:00"), local("2026-11-23T12:30"))))).isEqualTo(local("2026-11-23T15:30"));
        // a pause over the night (17:00 to next day 10:00) costs only the 1 h before closing and the 1 h after opening
        assertThat(calendar.dueAt(start, Duration.ofHours(8), WORKING,
                List.of(new Pause(local("2026-11-23T17:00"), local("2026-11-24T10:00"))))).isEqualTo(local("2026-11-24T11:00"));
        // a pause on the weekend costs nothing
        assertThat(calendar.dueAt(local("2026-11-20T17:00"), Duration.ofHours(2), WORKING,
                List.of(new Pause(local("2026-11-21T10:00"), local("2026-11-22T10:00"))))).isEqualTo(local("2026-11-23T10:00"));
    }

    @Test
    void paused_calendar_time_is_added_back_whole() {
        Instant start = local("2026-11-23T10:00");
        assertThat(calendar.dueAt(start, Duration.ofHours(2), CALENDAR,
                List.of(new Pause(local("2026-11-23T10:30"), local("2026-11-23T13:30"))))).isEqualTo(local("2026-11-23T15:00"));
        // overlapping and unordered pauses count once; a pause after the deadline changes nothing
        assertThat(calendar.dueAt(start, Duration.ofHours(2), CALENDAR, List.of(
                new Pause(local("2026-11-23T11:00"), local("2026-11-23T12:00")),
                new Pause(local("2026-11-23T10:30"), local("2026-11-23T11:30")),
                new Pause(local("2026-11-24T10:00"), local("2026-11-24T12:00"))))).isEqualTo(local("2026-11-23T13:30"));
    }

    @Test
    void a_budget_that_runs_out_exactly_when_a_pause_begins_is_due_then() {
        assertThat(calendar.dueAt(local("2026-11-23T10:00"), Duration.ofHours(1), WORKING,
                List.of(new Pause(local("2026-11-23T11:00"), local("2026-11-23T12:00"))))).isEqualTo(local("2026-11-23T11:00"));
    }

    @Test
    void working_time_runs_across_a_weekend_and_a_holiday_with_a_pause() {
        BusinessCalendar withHoliday = calendar(Set.of(LocalDate.parse("2026-11-23")), Set.of());
        // Friday 16:00 + 9 working hours: 2 h Friday, Monday is a holiday, 7 h Tuesday -> Tuesday 16:00;
        // paused Tuesday 09:00-10:00 -> Tuesday 17:00
        assertThat(withHoliday.dueAt(local("2026-11-20T16:00"), Duration.ofHours(9), WORKING,
                List.of(new Pause(local("2026-11-24T09:00"), local("2026-11-24T10:00"))))).isEqualTo(local("2026-11-24T17:00"));
    }

    private static BusinessCalendar calendar(Set<LocalDate> holidays, Set<LocalDate> makeUpDays) {
        Map<DayOfWeek, OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : new DayOfWeek[] {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY}) {
            hours.put(day, NINE_TO_SIX);
        }
        return new BusinessCalendar("default", SHANGHAI, hours, NINE_TO_SIX, holidays, makeUpDays);
    }

    /** A Shanghai wall-clock time. */
    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }
}
