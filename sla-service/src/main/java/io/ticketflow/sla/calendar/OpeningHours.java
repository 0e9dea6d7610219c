package io.ticketflow.sla.calendar;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * The hours a team works on one day, e.g. {@code 09:00-18:00}. Opening and closing fall on the same
 * day; a team that works through midnight is better served by calendar-time policies.
 */
public record OpeningHours(LocalTime opens, LocalTime closes) {

    public OpeningHours {
        requireNonNull(opens, "opens");
        requireNonNull(closes, "closes");
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("opening hours must close after they open: " + opens + "-" + closes);
        }
    }

    /**
     * Reads {@code HH:mm-HH:mm}, the form used in configuration. Named {@code valueOf} so that
     * Spring's conversion service binds configuration values with it.
     */
    public static OpeningHours valueOf(String text) {
        requireNonNull(text, "text");
        String[] parts = text.strip().split("\\s*[-–]\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("opening hours must look like 09:00-18:00, not '" + text + "'");
        }
        try {
            return new OpeningHours(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("opening hours must look like 09:00-18:00, not '" + text + "'", e);
        }
    }

    /** How long the team works that day. */
    public Duration length() {
        return Duration.between(opens, closes);
    }

    @Override
    public String toString() {
        return opens + "-" + closes;
    }
}
