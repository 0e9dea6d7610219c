package io.ticketflow.feedback.callback;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * The hours a callback deadline counts: {@code start}–{@code end} on the working days, in one
 * time zone. Public holidays are not known here (the SLA side owns the real business calendar),
 * so a deadline over a holiday is shown earlier than the SLA clock will call it.
 *
 * @param zone  the team's time zone
 * @param start when a working day begins
 * @param end   when it ends, after {@code start}
 * @param days  the working days
 */
record WorkingHours(ZoneId zone, LocalTime start, LocalTime end, Set<DayOfWeek> days) {

    WorkingHours {
        requireNonNull(zone, "zone");
        requireNonNull(start, "start");
        requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("working hours must end after they start");
        }
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("at least one working day is needed");
        }
        days = Set.copyOf(days);
    }

    /** The instant {@code work} of working time after {@code from}. */
    Instant plus(Instant from, Duration work) {
        ZonedDateTime at = from.atZone(zone);
        Duration left = work;
        while (true) {
            if (!days.contains(at.getDayOfWeek()) || !at.toLocalTime().isBefore(end)) {
                at = at.toLocalDate().plusDays(1).atTime(start).atZone(zone);
                continue;
            }
            if (at.toLocalTime().isBefore(start)) {
                at = at.toLocalDate().atTime(start).atZone(zone);
            }
            Duration today = Duration.between(at.toLocalTime(), end);
            if (left.compareTo(today) <= 0) {
                return at.plus(left).toInstant();
            }
            left = left.minus(today);
            at = at.toLocalDate().plusDays(1).atTime(start).atZone(zone);
        }
    }
}
