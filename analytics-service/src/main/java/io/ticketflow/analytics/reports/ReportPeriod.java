package io.ticketflow.analytics.reports;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** The calendar periods a report covers: a day, an ISO week (Monday to Sunday) or a month. */
enum ReportPeriod {
    DAILY,
    WEEKLY,
    MONTHLY;

    /** The first day of the period that holds {@code date}. */
    LocalDate firstDay(LocalDate date) {
        if (this == DAILY) {
            return date;
        }
        if (this == WEEKLY) {
            return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        return date.withDayOfMonth(1);
    }

    /** The first day after the period that starts on {@code firstDay}. */
    LocalDate nextFirstDay(LocalDate firstDay) {
        if (this == DAILY) {
            return firstDay.plusDays(1);
        }
        if (this == WEEKLY) {
            return firstDay.plusWeeks(1);
        }
        return firstDay.plusMonths(1);
    }

    /** The period that holds {@code date}, as instants {@code [from, to)} in {@code zone}. */
    Range rangeOf(LocalDate date, ZoneId zone) {
        LocalDate first = firstDay(date);
        return new Range(first, first.atStartOfDay(zone).toInstant(), nextFirstDay(first).atStartOfDay(zone).toInstant());
    }

    /** The period just before the one that holds {@code date}. */
    Range previousOf(LocalDate date, ZoneId zone) {
        return rangeOf(firstDay(date).minusDays(1), zone);
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @param firstDay the period's first calendar day */
    record Range(LocalDate firstDay, Instant from, Instant to) {
    }
}
