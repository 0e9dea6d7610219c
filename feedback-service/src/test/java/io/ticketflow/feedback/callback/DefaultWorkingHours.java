package io.ticketflow.feedback.callback;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;

/** The default working hours (09:00–18:00 Beijing time, Monday to Friday), for scenarios outside this package. */
public final class DefaultWorkingHours {

    private static final WorkingHours CALENDAR = new WorkingHours(ZoneId.of("Asia/Shanghai"), LocalTime.of(9, 0),
            LocalTime.of(18, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    private DefaultWorkingHours() {
    }

    /** When a callback opened at {@code from} with a deadline of {@code work} working time is due. */
    public static Instant plus(Instant from, Duration work) {
        return CALENDAR.plus(from, work);
    }
}
