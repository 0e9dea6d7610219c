package io.ticketflow.analytics.kpi;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.ticketflow.events.Priority;
import io.ticketflow.events.SlaMetric;
import io.ticketflow.events.TicketStatus;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * The KPIs as gauges ({@code ticketflow_kpi_*} on {@code /actuator/prometheus}) for Grafana.
 * Labels are bounded enums only (priority, status, metric, quantile); never ticket, customer or
 * agent ids. Each gauge reads the cached {@link KpiSnapshots}; a figure without data reads NaN.
 */
@Component
class KpiGauges implements MeterBinder {

    /**
     * Prefix of every KPI gauge. Names avoid the suffixes OpenMetrics reserves ({@code _created},
     * {@code _total}, {@code _count}, {@code _sum}, {@code _bucket}), which the exporter strips.
     */
    static final String PREFIX = "ticketflow.kpi.";

    private final KpiSnapshots snapshots;

    KpiGauges(KpiSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        // all time
        gauge(registry, "created.tickets", Tags.empty(), "Tickets created, all time", s -> s.allTime().ticketsCreated());
        gauge(registry, "tickets.resolved", Tags.empty(), "Tickets resolved at least once, all time", s -> s.allTime().ticketsResolved());
        gauge(registry, "first.response.seconds.mean", Tags.empty(), "Mean seconds from creation to the first agent reply, all time",
                s -> orNaN(s.allTime().meanFirstResponseSeconds()));
        gauge(registry, "resolution.seconds.mean", Tags.empty(), "Mean seconds from creation to the first resolution, all time",
                s -> orNaN(s.allTime().meanResolutionSeconds()));
        gauge(registry, "first.response.sla.attainment", Tags.empty(), "Share of decided first-response SLA clocks met on time, all time",
                s -> orNaN(s.allTime().firstResponseSlaAttainment()));
        gauge(registry, "ratings", Tags.empty(), "Answered satisfaction surveys, all time", s -> s.allTime().ratings());
        gauge(registry, "low.rating.share", Tags.empty(), "Share of ratings of 1-3 stars, all time", s -> orNaN(s.allTime().lowRatingShare()));
        gauge(registry, "callbacks.opened", Tags.empty(), "Callbacks opened after low ratings, all time", s -> s.allTime().callbacksOpened());
        gauge(registry, "backlog", Tags.empty(), "Tickets created and still open, all time", s -> s.allTime().backlog());

        // today (calendar zone)
        gauge(registry, "created.today.tickets", Tags.empty(), "Tickets created today", s -> s.today().ticketsCreated());
        gauge(registry, "csat.mean", Tags.empty(), "Mean satisfaction rating (1-5) of today's tickets", s -> orNaN(s.today().csatMean()));
        gauge(registry, "low.rating.ratio", Tags.empty(), "Share of 1-3 star ratings of today's tickets", s -> orNaN(s.today().lowRatingShare()));
        gauge(registry, "nps", Tags.empty(), "Net promoter score (-100..100) of today's tickets", s -> orNaN(s.today().nps().score()));
        for (String quantile : new String[] {"0.5", "0.9"}) {
            boolean median = quantile.equals("0.5");
            gauge(registry, "first.response.seconds", Tags.of("quantile", quantile), "First-response time of today's tickets",
                    s -> orNaN(median ? s.today().firstResponse().p50() : s.today().firstResponse().p90()));
            gauge(registry, "resolution.seconds", Tags.of("quantile", quantile), "Resolution time of today's tickets",
                    s -> orNaN(median ? s.today().resolution().p50() : s.today().resolution().p90()));
        }
        for (SlaMetric metric : SlaMetric.values()) {
            gauge(registry, "sla.attainment.ratio", Tags.of("metric", metric.name()),
                    "Share of today's tickets' decided SLA clocks met on time",
                    s -> {
                        Kpis.Share share = s.today().slaAttainment().get(metric.name());
                        return share == null ? Double.NaN : orNaN(share.ratio());
                    });
        }

        // live
        for (Priority priority : Priority.values()) {
            gauge(registry, "backlog.tickets", Tags.of("priority", priority.name()), "Open tickets by priority",
                    s -> s.backlogByPriority().getOrDefault(priority.name(), 0L));
        }
        for (TicketStatus status : TicketStatus.values()) {
            if (status != TicketStatus.RESOLVED && status != TicketStatus.CLOSED) {
                gauge(registry, "backlog.by.status.tickets", Tags.of("status", status.name()), "Open tickets by status",
                        s -> s.backlogByStatus().getOrDefault(status.name(), 0L));
            }
        }
        gauge(registry, "tickets.at.risk", Tags.empty(), "Running SLA clocks with less than the at-risk share of their budget left",
                s -> s.atRisk().size());
    }

    private void gauge(MeterRegistry registry, String name, Tags tags, String description,
            ToDoubleFunction<KpiSnapshots.Snapshot> figure) {
        Gauge.builder(PREFIX + name, snapshots, all -> figure.applyAsDouble(all.current()))
                .description(description)
                .tags(tags)
                .strongReference(true)
                .register(registry);
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
