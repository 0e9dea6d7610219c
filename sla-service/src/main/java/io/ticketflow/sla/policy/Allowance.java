package io.ticketflow.sla.policy;

import io.ticketflow.sla.calendar.BusinessCalendar;
import io.ticketflow.sla.calendar.TimeMode;
import java.time.Duration;

/**
 * How much time a policy allows: either a duration ({@code time: PT2H}) counted in calendar time
 * unless {@code mode: WORKING} says otherwise, or a number of working days ({@code working-days: 1}),
 * always counted in working time and worth the calendar's working day each.
 *
 * @param time        a fixed duration, or null when {@code workingDays} is given
 * @param workingDays a number of working days, or null when {@code time} is given
 * @param mode        how the budget is counted; defaults to CALENDAR for a time and WORKING for working days
 */
public record Allowance(Duration time, Integer workingDays, TimeMode mode) {

    public Allowance {
        if ((time == null) == (workingDays == null)) {
            throw new IllegalArgumentException("an allowance needs exactly one of 'time' and 'working-days'");
        }
        if (time != null && (time.isNegative() || time.isZero())) {
            throw new IllegalArgumentException("an allowance's time must be positive, not " + time);
        }
        if (workingDays != null) {
            if (workingDays < 1) {
                throw new IllegalArgumentException("an allowance's working days must be at least 1, not " + workingDays);
            }
            if (mode == TimeMode.CALENDAR) {
                throw new IllegalArgumentException("working days are counted in working time, not in calendar time");
            }
            mode = TimeMode.WORKING;
        }
        if (mode == null) {
            mode = TimeMode.CALENDAR;
        }
    }

    /** A duration of calendar time. */
    public static Allowance calendarTime(Duration time) {
        return new Allowance(time, null, TimeMode.CALENDAR);
    }

    /** A duration of working time. */
    public static Allowance workingTime(Duration time) {
        return new Allowance(time, null, TimeMode.WORKING);
    }

    /** A number of working days. */
    public static Allowance workingDays(int days) {
        return new Allowance(null, days, TimeMode.WORKING);
    }

    /** The budget as a duration on the given calendar: working days become the calendar's hours. */
    public Duration budgetOn(BusinessCalendar calendar) {
        return workingDays != null ? calendar.workingDays(workingDays) : time;
    }
}
