package io.ticketflow.analytics.buckets;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The length of a time bucket. Days start at midnight in the configured zone. */
public enum Period {
    HOUR,
    DAY;

    /** The start of the bucket that holds {@code at}. */
    public Instant startOf(Instant at, ZoneId zone) {
        if (this == HOUR) {
            return at.truncatedTo(ChronoUnit.HOURS);
        }
        return at.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
