package io.ticketflow.bench;

import org.HdrHistogram.Histogram;

/**
 * A latency distribution in milliseconds, as the report shows it. Values are recorded in
 * microseconds (3 significant digits) and reported in milliseconds.
 */
record Latency(long count, double meanMs, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs) {

    static final Latency NONE = new Latency(0, 0, 0, 0, 0, 0, 0);

    static Histogram histogram() {
        return new Histogram(3_600_000_000L, 3); // up to an hour, in microseconds
    }

    /** Records a latency in milliseconds; negative values (clock order across topics) count as 0. */
    static void recordMillis(Histogram histogram, double millis) {
        long micros = Math.max(0, Math.round(millis * 1000));
        histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
    }

    static Latency of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return NONE;
        }
        return new Latency(h.getTotalCount(), round(h.getMean() / 1000), ms(h, 50), ms(h, 90), ms(h, 99), ms(h, 99.9),
                round(h.getMaxValue() / 1000.0));
    }

    private static double ms(Histogram h, double percentile) {
        return round(h.getValueAtPercentile(percentile) / 1000.0);
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
