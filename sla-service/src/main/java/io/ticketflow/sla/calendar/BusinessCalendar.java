package io.ticketflow.sla.calendar;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a team works: its time zone, its opening hours per weekday, its public holidays and its
 * make-up working days (a weekend day worked in exchange for a holiday, as Chinese calendars have).
 * A make-up day works the {@code standardDay}, whose length is also what "one working day" of an
 * SLA budget is worth.
 *
 * @param id          how policies and the API name this calendar, e.g. {@code default}
 * @param zone        the zone the opening hours are read in
 * @param weeklyHours opening hours per weekday; a weekday without an entry is closed
 * @param standardDay the hours of a standard working day
 * @param holidays    dates closed whatever their weekday
 * @param makeUpDays  dates open (for the standard day) whatever their weekday
 */
public record BusinessCalendar(
        String id,
        ZoneId zone,
        Map<DayOfWeek, OpeningHours> weeklyHours,
        OpeningHours standardDay,
        Set<LocalDate> holidays,
        Set<LocalDate> makeUpDays) {

    /** A calendar that has been closed this many days in a row has no working time left to give. */
    private static final int MAX_CLOSED_DAYS_IN_A_ROW = 366;

    public BusinessCalendar {
        requireNonNull(id, "id");
        requireNonNull(zone, "zone");
        requireNonNull(weeklyHours, "weeklyHours");
        requireNonNull(standardDay, "standardDay");
        if (weeklyHours.isEmpty()) {
            throw new IllegalArgumentException("calendar " + id + " must open on at least one weekday");
        }
        weeklyHours = Collections.unmodifiableMap(new EnumMap<>(weeklyHours));
        holidays = holidays == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(holidays));
        makeUpDays = makeUpDays == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(makeUpDays));
        Set<LocalDate> both = new HashSet<>(holidays);
        both.retainAll(makeUpDays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("calendar " + id + " lists " + new TreeSet<>(both)
                    + " both as holiday and as make-up working day");
        }
    }

    /** What one working day of budget is worth: the length of the standard day (9 h for 09:00-18:00). */
    public Duration workingDay() {
        return standardDay.length();
    }

    /** The given number of working days as a working-time budget. */
    public Duration workingDays(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("working days must be at least 1");
        }
        return workingDay().multipliedBy(days);
    }

    /** The opening hours of a date, or empty when the team does not work that day. */
    public Optional<OpeningHours> hoursOn(LocalDate date) {
        if (holidays.contains(date)) {
            return Optional.empty();
        }
        if (makeUpDays.contains(date)) {
            return Optional.of(standardDay);
        }
        return Optional.ofNullable(weeklyHours.get(date.getDayOfWeek()));
    }

    /**
     * When a budget started at {@code start} runs out. Calendar time simply adds the budget.
     * Working time counts only opening hours: a clock started outside them starts at the next
     * opening, and a budget that runs out exactly at closing time is due at that closing time
     * (not at the next opening).
     */
    public Instant dueAt(Instant start, Duration budget, TimeMode mode) {
        requireNonNull(start, "start");
        requireNonNull(budget, "budget");
        requireNonNull(mode, "mode");
        if (budget.isNegative()) {
            throw new IllegalArgumentException("budget must not be negative: " + budget);
        }
        return mode == TimeMode.CALENDAR ? start.plus(budget) : afterWorkingTime(start, budget);
    }

    private Instant afterWorkingTime(Instant start, Duration budget) {
        Duration remaining = budget;
        LocalDate date = start.atZone(zone).toLocalDate();
        int closedInARow = 0;
        while (closedInARow <= MAX_CLOSED_DAYS_IN_A_ROW) {
            Optional<OpeningHours> hours = hoursOn(date);
            if (hours.isPresent()) {
                Instant opens = date.atTime(hours.get().opens()).atZone(zone).toInstant();
                Instant closes = date.atTime(hours.get().closes()).atZone(zone).toInstant();
                Instant from = start.isAfter(opens) ? start : opens;
                if (from.isBefore(closes)) {
                    closedInARow = 0;
                    Duration open = Duration.between(from, closes);
                    if (remaining.compareTo(open) <= 0) {
                        return from.plus(remaining);
                    }
                    remaining = remaining.minus(open);
                }
            } else {
                closedInARow++;
            }
            date = date.plusDays(1);
        }
        throw new IllegalStateException("calendar " + id + " has no working time within "
                + MAX_CLOSED_DAYS_IN_A_ROW + " days after " + date.minusDays(MAX_CLOSED_DAYS_IN_A_ROW));
    }
}
