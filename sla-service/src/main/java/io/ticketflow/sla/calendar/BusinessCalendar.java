package io.ticketflow.sla.calendar;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
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
        return dueAt(start, budget, mode, List.of());
    }

    /**
     * As {@link #dueAt(Instant, Duration, TimeMode)}, with the time covered by {@code pauses}
     * not counted: in working time only the paused opening hours are added back, in calendar time
     * the whole pause. Pauses may overlap and come in any order.
     */
    public Instant dueAt(Instant start, Duration budget, TimeMode mode, List<Pause> pauses) {
        requireNonNull(start, "start");
        requireNonNull(budget, "budget");
        requireNonNull(mode, "mode");
        requireNonNull(pauses, "pauses");
        if (budget.isNegative()) {
            throw new IllegalArgumentException("budget must not be negative: " + budget);
        }
        List<Pause> merged = merge(pauses);
        if (mode == TimeMode.CALENDAR) {
            return consume(start, Instant.MAX, budget, merged).orElseThrow();
        }
        return afterWorkingTime(start, budget, merged);
    }

    private Instant afterWorkingTime(Instant start, Duration budget, List<Pause> pauses) {
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
                    Optional<Instant> due = consume(from, closes, remaining, pauses);
                    if (due.isPresent()) {
                        return due.get();
                    }
                    remaining = remaining.minus(counted(from, closes, pauses));
                }
            } else {
                closedInARow++;
            }
            date = date.plusDays(1);
        }
        throw new IllegalStateException("calendar " + id + " has no working time within "
                + MAX_CLOSED_DAYS_IN_A_ROW + " days after " + date.minusDays(MAX_CLOSED_DAYS_IN_A_ROW));
    }

    /**
     * Spends {@code budget} on [from, to) minus the pauses; the instant it runs out, or empty
     * when the interval does not hold enough counted time. A budget that runs out exactly at the
     * end of a counted stretch is due at that end.
     */
    private static Optional<Instant> consume(Instant from, Instant to, Duration budget, List<Pause> pauses) {
        Instant cursor = from;
        Duration remaining = budget;
        for (Pause pause : pauses) {
            if (!pause.to().isAfter(cursor)) {
                continue;
            }
            if (!pause.from().isBefore(to)) {
                break;
            }
            if (pause.from().isAfter(cursor)) {
                Duration open = Duration.between(cursor, pause.from());
                if (remaining.compareTo(open) <= 0) {
                    return Optional.of(cursor.plus(remaining));
                }
                remaining = remaining.minus(open);
            }
            cursor = pause.to();
            if (!cursor.isBefore(to)) {
                return Optional.empty();
            }
        }
        if (Instant.MAX.equals(to)) {
            return Optional.of(cursor.plus(remaining));
        }
        Duration open = Duration.between(cursor, to);
        return remaining.compareTo(open) <= 0 ? Optional.of(cursor.plus(remaining)) : Optional.empty();
    }

    /** The time in [from, to) not covered by a pause. */
    private static Duration counted(Instant from, Instant to, List<Pause> pauses) {
        Duration total = Duration.between(from, to);
        for (Pause pause : pauses) {
            Instant a = pause.from().isAfter(from) ? pause.from() : from;
            Instant b = pause.to().isBefore(to) ? pause.to() : to;
            if (b.isAfter(a)) {
                total = total.minus(Duration.between(a, b));
            }
        }
        return total;
    }

    /** Pauses sorted by start, overlapping ones joined. */
    private static List<Pause> merge(List<Pause> pauses) {
        List<Pause> sorted = new ArrayList<>(pauses);
        sorted.sort(Comparator.comparing(Pause::from));
        List<Pause> merged = new ArrayList<>();
        for (Pause pause : sorted) {
            if (!merged.isEmpty() && !pause.from().isAfter(merged.get(merged.size() - 1).to())) {
                Pause last = merged.remove(merged.size() - 1);
                merged.add(new Pause(last.from(), pause.to().isAfter(last.to()) ? pause.to() : last.to()));
            } else {
                merged.add(pause);
            }
        }
        return merged;
    }
}
