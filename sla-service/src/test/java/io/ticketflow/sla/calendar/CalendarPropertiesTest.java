package io.ticketflow.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.sla.ApplicationYaml;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalendarPropertiesTest {

    @Test
    void the_shipped_default_calendar_is_monday_to_friday_nine_to_six_in_shanghai() {
        BusinessCalendar calendar = ApplicationYaml.bind("ticketflow.sla", CalendarProperties.class, Map.of())
                .toCalendars().get(BusinessCalendars.DEFAULT);

        assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(calendar.weeklyHours()).containsOnlyKeys(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(calendar.weeklyHours().values()).allMatch(hours -> hours.equals(OpeningHours.valueOf("09:00-18:00")));
        assertThat(calendar.workingDay()).isEqualTo(Duration.ofHours(9));
        // the shipped example: National Day 2026 (Oct 1-7, the 10th worked in exchange) and New Year 2027
        assertThat(calendar.holidays()).contains(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-07"),
                LocalDate.parse("2027-01-01"));
        assertThat(calendar.makeUpDays()).containsExactly(LocalDate.parse("2026-10-10"));
        // Wednesday 30 Sep 17:00 + 9 working hours: 1 h that day, then Thursday 8 Oct, the first day back
        assertThat(calendar.dueAt(Instant.parse("2026-09-30T09:00:00Z"), Duration.ofHours(9), TimeMode.WORKING))
                .isEqualTo(Instant.parse("2026-10-08T09:00:00Z"));
        // the make-up Saturday counts: Friday 9 Oct 17:00 + 2 working hours ends Saturday 10:00
        assertThat(calendar.dueAt(Instant.parse("2026-10-09T09:00:00Z"), Duration.ofHours(2), TimeMode.WORKING))
                .isEqualTo(Instant.parse("2026-10-10T02:00:00Z"));
    }

    @Test
    void holidays_make_up_days_and_further_calendars_are_configurable() {
        BusinessCalendars calendars = ApplicationYaml.bind("ticketflow.sla", CalendarProperties.class, Map.of(
                "ticketflow.sla.calendars.default.holidays[0]", "2026-11-23",
                "ticketflow.sla.calendars.default.make-up-days[0]", "2026-11-21",
                "ticketflow.sla.calendars.berlin.zone", "Europe/Berlin",
                "ticketflow.sla.calendars.berlin.opening-hours.saturday", "10:00-14:00",
                "ticketflow.sla.calendars.berlin.standard-day", "08:00-16:00")).toCalendars();

        BusinessCalendar shanghai = calendars.get("default");
        assertThat(shanghai.holidays()).containsExactly(LocalDate.parse("2026-11-23"));
        assertThat(shanghai.makeUpDays()).containsExactly(LocalDate.parse("2026-11-21"));
        // Friday 17:00 Shanghai + 2 working hours: 1 h Friday, 1 h on the make-up Saturday
        assertThat(shanghai.dueAt(Instant.parse("2026-11-20T09:00:00Z"), Duration.ofHours(2), TimeMode.WORKING))
                .isEqualTo(Instant.parse("2026-11-21T02:00:00Z"));

        BusinessCalendar berlin = calendars.get("berlin");
        assertThat(berlin.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(berlin.weeklyHours()).containsOnlyKeys(DayOfWeek.SATURDAY);
        assertThat(berlin.workingDay()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void without_any_configuration_there_is_still_a_default_calendar() {
        BusinessCalendars calendars = ApplicationYaml.bindOnly("ticketflow.sla", CalendarProperties.class, Map.of()).toCalendars();

        BusinessCalendar calendar = calendars.get(BusinessCalendars.DEFAULT);
        assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(calendar.weeklyHours()).hasSize(5);
        assertThat(calendars.find("elsewhere")).isEmpty();
    }

    @Test
    void a_date_both_holiday_and_make_up_day_fails_the_start_up() {
        CalendarProperties properties = ApplicationYaml.bind("ticketflow.sla", CalendarProperties.class, Map.of(
                "ticketflow.sla.calendars.default.holidays[0]", "2026-11-21",
                "ticketflow.sla.calendars.default.make-up-days[0]", "2026-11-21"));

        assertThatThrownBy(properties::toCalendars).hasMessageContaining("2026-11-21");
    }
}
