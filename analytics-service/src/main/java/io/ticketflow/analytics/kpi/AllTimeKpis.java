package io.ticketflow.analytics.kpi;

import io.ticketflow.analytics.facts.TicketFactsChanged;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The all-time KPIs, cached for the Prometheus gauges so a scrape never queries MongoDB.
 * Applied events mark the cache stale; {@link #refreshIfStale()} runs on a fixed delay
 * ({@code ticketflow.analytics.kpi.refresh-interval}) and recomputes only when something changed,
 * so a burst of events costs one recomputation per interval and a quiet system none.
 */
@Component
class AllTimeKpis {

    private static final Logger log = LoggerFactory.getLogger(AllTimeKpis.class);

    private final KpiFigures figures;
    private final AtomicReference<Kpis> current = new AtomicReference<>(new KpiCalculator().result(null, null));
    // stale from the start: the first refresh loads what an earlier run already recorded
    private final AtomicBoolean stale = new AtomicBoolean(true);

    AllTimeKpis(KpiFigures figures) {
        this.figures = figures;
    }

    /** The latest computed figures. */
    Kpis current() {
        return current.get();
    }

    @EventListener
    void on(TicketFactsChanged changed) {
        stale.set(true);
    }

    void refreshIfStale() {
        if (!stale.getAndSet(false)) {
            return;
        }
        try {
            Kpis kpis = figures.over(KpiWindow.ALL_TIME);
            current.set(kpis);
            log.debug("all-time KPIs refreshed ticketsCreated={} ticketsResolved={}", kpis.ticketsCreated(), kpis.ticketsResolved());
        } catch (RuntimeException e) {
            stale.set(true); // try again at the next tick
            log.warn("all-time KPIs not refreshed, retrying at the next tick cause={}", e.getClass().getSimpleName());
        }
    }
}
