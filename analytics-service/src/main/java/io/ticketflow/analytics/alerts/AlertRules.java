package io.ticketflow.analytics.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The alert rules, in plain Java over counts the caller reads from the read models. */
final class AlertRules {

    private final AlertProperties properties;

    AlertRules(AlertProperties properties) {
        this.properties = properties;
    }

    /**
     * Hot issues: tags whose count in the current hour is at least {@code factor} × their mean per
     * hour over the trailing baseline hours (hours without tickets count as 0) and at least
     * {@code minTickets}. The most frequent first, at most {@code maxHotIssues}.
     *
     * @param thisHour      tickets created this hour, per tag
     * @param trailing      tickets created in the baseline hours before this hour, per tag
     * @param hourStart     the start of the current hour, for the alert id
     */
    List<Alert> hotIssues(Map<String, Long> thisHour, Map<String, Long> trailing, Instant hourStart, Instant now) {
        long hours = properties.hotIssueBaseline().toHours();
        List<Alert> alerts = new ArrayList<>();
        thisHour.forEach((tag, count) -> {
            double mean = trailing.getOrDefault(tag, 0L) / (double) hours;
            if (count >= properties.hotIssueMinTickets() && count >= properties.hotIssueFactor() * mean) {
                alerts.add(new Alert("hot_issue:" + tag + ":" + hourStart, Alert.Kind.HOT_ISSUE, tag, count, mean, count,
                        trailing.getOrDefault(tag, 0L),
                        String.format(Locale.ROOT, "%d tickets tagged '%s' this hour, %.1f per hour over the last %d h",
                                count, tag, mean, hours),
                        now));
            }
        });
        return alerts.stream()
                .sorted(Comparator.comparingDouble(Alert::current).reversed().thenComparing(Alert::subject))
                .limit(properties.maxHotIssues())
                .toList();
    }

    /**
     * Resolution anomalies: teams whose mean resolution time over the tickets created in the last
     * 7 days is at least {@code increase} above the 7 days before, with at least
     * {@code minResolved} resolved tickets in each.
     */
    List<Alert> resolutionAnomalies(Map<String, Mean> thisWeek, Map<String, Mean> lastWeek, LocalDate weekEnding, Instant now) {
        List<Alert> alerts = new ArrayList<>();
        thisWeek.forEach((team, current) -> {
            Mean before = lastWeek.get(team);
            if (before == null || current.count() < properties.resolutionAnomalyMinResolved()
                    || before.count() < properties.resolutionAnomalyMinResolved() || before.mean() <= 0) {
                return;
            }
            double increase = (current.mean() - before.mean()) / before.mean();
            if (increase >= properties.resolutionAnomalyIncrease()) {
                alerts.add(new Alert("resolution_anomaly:" + team + ":" + weekEnding, Alert.Kind.RESOLUTION_ANOMALY, team,
                        current.mean(), before.mean(), current.count(), before.count(),
                        String.format(Locale.ROOT, "team %s resolves in %.0f min on average, %.0f %% slower than the week before (%.0f min)",
                                team, current.mean() / 60, increase * 100, before.mean() / 60),
                        now));
            }
        });
        return alerts.stream().sorted(Comparator.comparing(Alert::subject)).toList();
    }

    /** A mean of {@code count} values. */
    record Mean(double mean, long count) {
    }
}
