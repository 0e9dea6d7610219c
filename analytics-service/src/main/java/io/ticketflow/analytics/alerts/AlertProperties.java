package io.ticketflow.analytics.alerts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ticketflow.analytics.alerts.*}: when a surge or an anomaly raises an alert.
 *
 * @param hotIssueFactor              a tag is hot when its count in the current hour is at least this many
 *                                    times its trailing hourly mean ...
 * @param hotIssueMinTickets          ... and at least this many tickets
 * @param hotIssueBaseline            the trailing window the hourly mean is taken over (whole hours)
 * @param maxHotIssues                at most this many hot tags are reported (and labelled in Prometheus)
 * @param resolutionAnomalyIncrease   a team's mean resolution time up by at least this share week over week ...
 * @param resolutionAnomalyMinResolved ... with at least this many resolved tickets in each week
 * @param evaluationInterval          how often the rules are evaluated for the gauges and the board
 */
@Validated
@ConfigurationProperties("ticketflow.analytics.alerts")
public record AlertProperties(
        @DefaultValue("3.0") double hotIssueFactor,
        @DefaultValue("5") int hotIssueMinTickets,
        @DefaultValue("24h") Duration hotIssueBaseline,
        @DefaultValue("20") int maxHotIssues,
        @DefaultValue("0.2") double resolutionAnomalyIncrease,
        @DefaultValue("5") int resolutionAnomalyMinResolved,
        @DefaultValue("30s") Duration evaluationInterval) {

    public AlertProperties {
        if (hotIssueFactor < 1) {
            throw new IllegalArgumentException("ticketflow.analytics.alerts.hot-issue-factor must be at least 1");
        }
        if (hotIssueMinTickets < 1 || maxHotIssues < 1 || maxHotIssues > 20 || resolutionAnomalyMinResolved < 1) {
            throw new IllegalArgumentException("ticketflow.analytics.alerts: hot-issue-min-tickets and "
                    + "resolution-anomaly-min-resolved must be positive, max-hot-issues 1..20");
        }
        if (hotIssueBaseline == null || hotIssueBaseline.toHours() < 1) {
            throw new IllegalArgumentException("ticketflow.analytics.alerts.hot-issue-baseline must be at least 1h");
        }
        if (resolutionAnomalyIncrease <= 0) {
            throw new IllegalArgumentException("ticketflow.analytics.alerts.resolution-anomaly-increase must be positive");
        }
        if (evaluationInterval == null || evaluationInterval.isZero() || evaluationInterval.isNegative()) {
            throw new IllegalArgumentException("ticketflow.analytics.alerts.evaluation-interval must be positive");
        }
    }
}
