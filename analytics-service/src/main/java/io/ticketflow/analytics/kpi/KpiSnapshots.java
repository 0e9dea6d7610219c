package io.ticketflow.analytics.kpi;

import io.ticketflow.analytics.buckets.CalendarProperties;
import io.ticketflow.analytics.facts.TicketFacts;
import io.ticketflow.analytics.facts.TicketFactsChanged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The cached figures the Prometheus gauges and the live board read, so a scrape or a board
 * update never queries MongoDB. Applied events mark the snapshot stale; {@link #refreshIfDue()}
 * runs every {@code refresh-interval} and recomputes when something changed or the snapshot is
 * older than {@code max-age} (today's figures and SLA countdowns move with time). A recomputation
 * reads today's cohort and the unclosed tickets; the all-time figures, a pass over every ticket,
 * are recomputed at most every {@code all-time-interval}.
 */
@Component
public class KpiSnapshots {

    private static final Logger log = LoggerFactory.getLogger(KpiSnapshots.class);

    private final KpiFigures figures;
    private final TicketFacts facts;
    private final KpiProperties properties;
    private final ZoneId zone;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AtomicReference<Snapshot> current;
    // stale from the start: the first refresh loads what an earlier run already recorded
    private final AtomicBoolean stale = new AtomicBoolean(true);
    private volatile Instant allTimeTakenAt = Instant.EPOCH;

    KpiSnapshots(KpiFigures figures, TicketFacts facts, KpiProperties properties, CalendarProperties calendar, Clock clock,
            ApplicationEventPublisher events) {
        this.figures = figures;
        this.facts = facts;
        this.properties = properties;
        this.zone = calendar.zone();
        this.clock = clock;
        this.events = events;
        Kpis none = new KpiCalculator(clock.instant()).result(null, null);
        OpenTickets nothingOpen = new OpenTickets(clock.instant(), properties.atRiskShare());
        this.current = new AtomicReference<>(new Snapshot(Instant.EPOCH, none, none, nothingOpen.byPriority(),
                nothingOpen.byStatus(), List.of()));
    }

    /** The latest computed figures. */
    public Snapshot current() {
        return current.get();
    }

    @EventListener
    void on(TicketFactsChanged changed) {
        stale.set(true);
    }

    void refreshIfDue() {
        Instant now = clock.instant();
        boolean old = Duration.between(current.get().takenAt(), now).compareTo(properties.maxAge()) >= 0;
        if (!stale.getAndSet(false) && !old) {
            return;
        }
        try {
            Snapshot snapshot = take(now);
            current.set(snapshot);
            log.debug("KPI snapshot taken ticketsCreated={} atRisk={}", snapshot.allTime().ticketsCreated(), snapshot.atRisk().size());
            events.publishEvent(snapshot);
        } catch (RuntimeException e) {
            stale.set(true); // try again at the next tick
            log.warn("KPI snapshot not taken, retrying at the next tick cause={}", e.getClass().getSimpleName());
        }
    }

    private Snapshot take(Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        KpiWindow todayWindow = new KpiWindow(today.atStartOfDay(zone).toInstant(), today.plusDays(1).atStartOfDay(zone).toInstant());
        Kpis allTime = current.get().allTime();
        if (Duration.between(allTimeTakenAt, now).abs().compareTo(properties.allTimeInterval()) >= 0
                || allTimeTakenAt.equals(Instant.EPOCH)) {
            allTime = figures.over(KpiWindow.ALL_TIME);
            allTimeTakenAt = now;
        }
        Kpis todays = figures.over(todayWindow);
        OpenTickets open = new OpenTickets(now, properties.atRiskShare());
        try (Stream<io.ticketflow.analytics.facts.TicketFact> notClosed = facts.notClosed()) {
            notClosed.forEach(open::add);
        }
        return new Snapshot(now, allTime, todays, open.byPriority(), open.byStatus(), open.atRisk());
    }

    /**
     * What the gauges and the board show.
     *
     * @param today             KPIs of the tickets created today (calendar zone)
     * @param backlogByPriority open tickets (any creation day) by priority
     * @param backlogByStatus   open tickets by status
     * @param atRisk            running SLA clocks at risk, closest first
     */
    public record Snapshot(Instant takenAt, Kpis allTime, Kpis today, Map<String, Long> backlogByPriority,
            Map<String, Long> backlogByStatus, List<OpenTickets.RiskyClock> atRisk) {
    }
}
