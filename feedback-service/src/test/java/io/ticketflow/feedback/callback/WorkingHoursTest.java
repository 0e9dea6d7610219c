package io.ticketflow.feedback.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class WorkingHoursTest {

    /** 09:00–18:00 Beijing time (01:00–10:00 UTC), Monday to Friday. */
    private final WorkingHours beijing = new WorkingHours(ZoneId.of("Asia/Shanghai"), LocalTime.of(9, 0), LocalTime.of(18, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    private final Duration four = Duration.ofHours(4);

    @Test
    void within_a_working_day_the_deadline_is_plain_addition() {
        // Monday 10:00 Beijing -> 14:00
        assertThat(beijing.plus(Instant.parse("2026-11-23T02:00:00Z"), four)).isEqualTo(Instant.parse("2026-11-23T06:00:00Z"));
    }

    @Test
    void the_rest_carries_over_to_the_next_morning() {
        // Monday 16:30 Beijing: 1.5 h today, 2.5 h from Tuesday 09:00 -> 11:30
        assertThat(beijing.plus(Instant.parse("2026-11-23T08:30:00Z"), four)).isEqualTo(Instant.parse("2026-11-24T03:30:00Z"));
    }

    @Test
    void after_hours_and_weekends_start_counting_on_the_next_working_morning() {
        // Friday 20:00 Beijing -> Monday 13:00
        assertThat(beijing.plus(Instant.parse("2026-11-27T12:00:00Z"), four)).isEqualTo(Instant.parse("2026-11-30T05:00:00Z"));
        // Saturday 03:00 UTC = Saturday 11:00 Beijing -> Monday 13:00
        assertThat(beijing.plus(Instant.parse("2026-11-28T03:00:00Z"), four)).isEqualTo(Instant.parse("2026-11-30T05:00:00Z"));
        // Monday 07:00 Beijing, before opening -> 13:00
        assertThat(beijing.plus(Instant.parse("2026-11-22T23:00:00Z"), four)).isEqualTo(Instant.parse("2026-11-23T05:00:00Z"));
    }

    @Test
    void a_deadline_that_ends_exactly_at_closing_stays_on_that_day() {
        // Monday 14:00 Beijing + 4 h -> 18:00 the same day
        assertThat(beijing.plus(Instant.parse("2026-11-23T06:00:00Z"), four)).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    }

    @Test
    void an_impossible_calendar_is_refused() {
        assertThatThrownBy(() -> new WorkingHours(ZoneId.of("UTC"), LocalTime.of(18, 0), LocalTime.of(9, 0),
                EnumSet.of(DayOfWeek.MONDAY))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingHours(ZoneId.of("UTC"), LocalTime.of(9, 0), LocalTime.of(18, 0),
                EnumSet.noneOf(DayOfWeek.class))).isInstanceOf(IllegalArgumentException.class);
    }
}
