package io.ticketflow.analytics.alerts;

import java.time.Instant;
import java.util.Locale;

/**
 * An active alert.
 *
 * @param id         deterministic: kind, subject and the hour (hot issue) or week (anomaly) it is about
 * @param subject    the tag (hot issue) or team (anomaly)
 * @param current    tickets this hour (hot issue) / mean resolution seconds this week (anomaly)
 * @param baseline   trailing hourly mean (hot issue) / mean resolution seconds the week before (anomaly)
 * @param currentCount  tickets behind {@code current}
 * @param baselineCount tickets behind {@code baseline}
 * @param raisedAt   when this service first saw the alert active
 */
public record Alert(String id, Kind kind, String subject, double current, double baseline, long currentCount,
        long baselineCount, String message, Instant raisedAt) {

    public enum Kind {
        HOT_ISSUE,
        RESOLUTION_ANOMALY;

        /** As a Prometheus label, e.g. {@code hot_issue}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    Alert raisedAt(Instant first) {
        return new Alert(id, kind, subject, current, baseline, currentCount, baselineCount, message, first);
    }
}
