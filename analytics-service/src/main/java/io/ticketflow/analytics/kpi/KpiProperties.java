package io.ticketflow.analytics.kpi;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ticketflow.analytics.kpi.*}: how the cached all-time KPIs behind the Prometheus gauges
 * are kept fresh.
 *
 * @param refreshInterval how often the cache is recomputed while events keep changing the facts;
 *                        at most one recomputation per interval, none while nothing changes
 */
@Validated
@ConfigurationProperties("ticketflow.analytics.kpi")
public record KpiProperties(@DefaultValue("1s") Duration refreshInterval) {

    public KpiProperties {
        if (refreshInterval == null || refreshInterval.isZero() || refreshInterval.isNegative()) {
            throw new IllegalArgumentException("ticketflow.analytics.kpi.refresh-interval must be positive");
        }
    }
}
