package io.ticketflow.analytics.kpi;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * The all-time KPIs as gauges ({@code ticketflow_kpi_*} on {@code /actuator/prometheus}) for
 * Grafana. No labels: per-ticket or per-customer labels would make the series unbounded. Each
 * gauge reads the cached {@link AllTimeKpis}; a figure without data (a mean over nothing)
 * reads as NaN.
 */
@Component
class KpiGauges implements MeterBinder {

    /**
     * Prefix of every KPI gauge. Names avoid the suffixes OpenMetrics reserves ({@code _created},
     * {@code _total}, {@code _count}, {@code _sum}, {@code _bucket}), which the exporter strips.
     */
    static final String PREFIX = "ticketflow.kpi.";

    private final AllTimeKpis kpis;

    KpiGauges(AllTimeKpis kpis) {
        this.kpis = kpis;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "created.tickets", "Tickets created, all time", k -> k.ticketsCreated());
        gauge(registry, "tickets.resolved", "Tickets resolved at least once, all time", k -> k.ticketsResolved());
        gauge(registry, "first.response.seconds.mean", "Mean seconds from creation to the first agent reply",
                k -> orNaN(k.meanFirstResponseSeconds()));
        gauge(registry, "resolution.seconds.mean", "Mean seconds from creation to the first resolution",
                k -> orNaN(k.meanResolutionSeconds()));
        gauge(registry, "first.response.sla.attainment", "Share of met first-response SLA clocks met on time",
                k -> orNaN(k.firstResponseSlaAttainment()));
        gauge(registry, "csat.mean", "Mean satisfaction rating, 1-5 stars", k -> orNaN(k.csatMean()));
        gauge(registry, "ratings", "Answered satisfaction surveys, all time", k -> k.ratings());
        gauge(registry, "low.rating.share", "Share of ratings of 1-3 stars", k -> orNaN(k.lowRatingShare()));
        gauge(registry, "callbacks.opened", "Callbacks opened after low ratings, all time", k -> k.callbacksOpened());
        gauge(registry, "backlog", "Tickets created and not resolved yet", k -> k.backlog());
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Kpis> figure) {
        Gauge.builder(PREFIX + name, kpis, all -> figure.applyAsDouble(all.current()))
                .description(description)
                .strongReference(true)
                .register(registry);
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
