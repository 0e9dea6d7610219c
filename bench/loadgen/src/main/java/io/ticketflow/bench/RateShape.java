package io.ticketflow.bench;

/**
 * When the i-th ticket is due. {@code FLAT}: evenly at the target rate. {@code PEAKS}: the day of the
 * source documents compressed into the run — the run is cut into 24 "hours", and 09:00–11:00 and
 * 17:00–19:00 carry 40 % of the tickets (`002`), so a peak hour runs at 2.4× and any other hour at
 * 0.72× the target rate; the mean over the run stays the target rate.
 */
record RateShape(Kind kind, double meanRate, double durationSeconds) {

    enum Kind { FLAT, PEAKS }

    static final double PEAK_SHARE = 0.40;
    static final int[] PEAK_HOURS = {9, 10, 17, 18};

    RateShape {
        if (meanRate <= 0 || durationSeconds <= 0) {
            throw new IllegalArgumentException("rate and duration must be positive");
        }
    }

    /** The rate multiplier in an hour of the compressed day. */
    static double hourWeight(int hour) {
        for (int peak : PEAK_HOURS) {
            if (peak == hour) {
                return PEAK_SHARE / PEAK_HOURS.length * 24;
            }
        }
        return (1 - PEAK_SHARE) / (24 - PEAK_HOURS.length) * 24;
    }

    /** Tickets in the whole run. */
    long total() {
        return Math.round(meanRate * durationSeconds);
    }

    /** Seconds after the start at which ticket {@code i} (0-based) is due. */
    double dueAt(long i) {
        if (kind == Kind.FLAT) {
            return i / meanRate;
        }
        double hourLength = durationSeconds / 24;
        double remaining = i;
        for (int hour = 0; hour < 24; hour++) {
            double inHour = meanRate * hourWeight(hour) * hourLength;
            if (remaining < inHour) {
                return hour * hourLength + remaining / (meanRate * hourWeight(hour));
            }
            remaining -= inHour;
        }
        return durationSeconds;
    }

    /** The hour of the compressed day a moment falls in (for the report). */
    int hourOf(double secondsSinceStart) {
        return Math.min(23, (int) (secondsSinceStart / (durationSeconds / 24)));
    }
}
