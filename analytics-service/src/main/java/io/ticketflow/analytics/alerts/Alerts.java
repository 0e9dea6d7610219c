package io.ticketflow.analytics.alerts;

import io.ticketflow.analytics.buckets.CalendarProperties;
import io.ticketflow.analytics.buckets.Period;
import io.ticketflow.analytics.buckets.TimeBuckets;
import io.ticketflow.analytics.kpi.Dimension;
import io.ticketflow.analytics.kpi.KpiFigures;
import io.ticketflow.analytics.kpi.KpiWindow;
import io.ticketflow.analytics.kpi.Kpis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Evaluates the alert rules against the read models: hot issues from the hourly tag buckets
 * (25 small documents per evaluation), resolution anomalies from the last two weeks' cohorts.
 * Alerts are derived, not stored: a replay into an empty database raises the same ones. The
 * moment an alert was first seen is kept in memory for as long as it stays active.
 */
@Component
public class Alerts {

    private static final Logger log = LoggerFactory.getLogger(Alerts.class);

    private final TimeBuckets buckets;
    private final KpiFigures figures;
    private final AlertProperties properties;
    private final AlertRules rules;
    private final CalendarProperties calendar;
    private final Clock clock;
    private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
    private final AtomicReference<List<Alert>> active = new AtomicReference<>(List.of());

    private final ApplicationEventPublisher events;

    Alerts(TimeBuckets buckets, KpiFigures figures, AlertProperties properties, CalendarProperties calendar, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.buckets = buckets;
        this.figures = figures;
        this.properties = properties;
        this.rules = new AlertRules(properties);
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The alerts of the last evaluation. */
    public List<Alert> active() {
        return active.get();
    }

    /** Evaluates every rule now and remembers the result. */
    public synchronized List<Alert> evaluate() {
        Instant now = clock.instant();
        List<Alert> found = new ArrayList<>();
        found.addAll(hotIssues(now));
        found.addAll(resolutionAnomalies(now));
        List<Alert> result = new ArrayList<>();
        for (Alert alert : found) {
            Instant first = firstSeen.computeIfAbsent(alert.id(), id -> {
                log.info("alert raised kind={} subject={} current={} baseline={} alertId={}", alert.kind().label(),
                        alert.subject(), alert.current(), alert.baseline(), alert.id());
                return now;
            });
            result.add(alert.raisedAt(first));
        }
        firstSeen.keySet().retainAll(result.stream().map(Alert::id).toList());
        List<Alert> previous = active.getAndSet(List.copyOf(result));
        if (!previous.equals(result)) {
            events.publishEvent(new AlertsChanged(active.get()));
        }
        return active.get();
    }

    private List<Alert> hotIssues(Instant now) {
        Instant hourStart = now.truncatedTo(ChronoUnit.HOURS);
        Map<String, Long> thisHour = TimeBuckets.totals(
                buckets.find(Period.HOUR, "tag", hourStart, hourStart.plus(Duration.ofHours(1)), null), "created");
        Map<String, Long> trailing = TimeBuckets.totals(
                buckets.find(Period.HOUR, "tag", hourStart.minus(properties.hotIssueBaseline()), hourStart, null), "created");
        return rules.hotIssues(thisHour, trailing, hourStart, now);
    }

    private List<Alert> resolutionAnomalies(Instant now) {
        Instant weekAgo = now.minus(Duration.ofDays(7));
        Kpis thisWeek = figures.over(new KpiWindow(weekAgo, now), Dimension.TEAM);
        Kpis lastWeek = figures.over(new KpiWindow(weekAgo.minus(Duration.ofDays(7)), weekAgo), Dimension.TEAM);
        return rules.resolutionAnomalies(means(thisWeek), means(lastWeek), LocalDate.ofInstant(now, calendar.zone()), now);
    }

    private static Map<String, AlertRules.Mean> means(Kpis kpis) {
        Map<String, AlertRules.Mean> means = new TreeMap<>();
        if (kpis.groups() != null) {
            kpis.groups().forEach((team, group) -> {
                if (!Dimension.NONE.equals(team) && group.meanResolutionSeconds() != null) {
                    means.put(team, new AlertRules.Mean(group.meanResolutionSeconds(), group.resolution().count()));
                }
            });
        }
        return means;
    }
}
