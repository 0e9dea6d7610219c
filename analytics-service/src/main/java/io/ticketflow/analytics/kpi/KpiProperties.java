package io.ticketflow.analytics.kpi;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ticketflow.analytics.kpi.*}: how the cached KPI snapshot behind the Prometheus gauges and
 * the board is kept fresh.
 *
 * @param refreshInterval how often the snapshot is recomputed while events keep changing the
 *                        facts; at most one recomputation per interval
 * @param maxAge          the snapshot is recomputed at least this often even without events,
 *                        since "today", backlog ages and SLA countdowns move with time
 * @param atRiskShare     a running SLA clock is at risk when less than this share of its budget is left
 * @param allTimeInterval the all-time figures (a pass over every ticket) are recomputed at most
 *                        this often; today's figures and the open tickets at every refresh
 */
@Validated
@ConfigurationProperties("ticketflow.analytics.kpi")
public record KpiProperties(
        @DefaultValue("1s") Duration refreshInterval,
        @DefaultValue("10s") Duration maxAge,
        @DefaultValue("0.25") double atRiskShare,
        @DefaultValue("1m") Duration allTimeInterval) {

    public KpiProperties {
        if (refreshInterval == null || refreshInterval.isZero() || refreshInterval.isNegative()) {
            throw new IllegalArgumentException("ticketflow.analytics.kpi.refresh-interval must be positive");
        }
        if (maxAge == null || maxAge.isZero() || maxAge.isNegative()) {
            throw new IllegalArgumentException("ticketflow.analytics.kpi.max-age must be positive");
        }
        if (allTimeInterval == null || allTimeInterval.isNegative()) {
            throw new IllegalArgumentException("ticketflow.analytics.kpi.all-time-interval must not be negative");
        }
        if (!(atRiskShare > 0 && atRiskShare <= 1)) {
            throw new IllegalArgumentException("ticketflow.analytics.kpi.at-risk-share must be in (0, 1]");
        }
    }
}
