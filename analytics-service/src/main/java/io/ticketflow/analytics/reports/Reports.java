package io.ticketflow.analytics.reports;

import io.ticketflow.analytics.buckets.CalendarProperties;
import io.ticketflow.analytics.buckets.Period;
import io.ticketflow.analytics.buckets.TimeBuckets;
import io.ticketflow.analytics.facts.TicketFact;
import io.ticketflow.analytics.facts.TicketFacts;
import io.ticketflow.analytics.kpi.KpiFigures;
import io.ticketflow.analytics.kpi.KpiWindow;
import io.ticketflow.analytics.kpi.Kpis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Builds reports. KPIs come from the facts of each period's cohort; the top issues from the day
 * buckets (a few dozen documents); the worst breaches from the tickets active since the period
 * began.
 */
@Component
class Reports {

    static final int TOP = 5;
    static final int WORST = 10;

    private final KpiFigures figures;
    private final TimeBuckets buckets;
    private final TicketFacts facts;
    private final CalendarProperties calendar;
    private final Clock clock;

    Reports(KpiFigures figures, TimeBuckets buckets, TicketFacts facts, CalendarProperties calendar, Clock clock) {
        this.figures = figures;
        this.buckets = buckets;
        this.facts = facts;
        this.calendar = calendar;
        this.clock = clock;
    }

    Report of(ReportPeriod period, LocalDate date) {
        ReportPeriod.Range range = period.rangeOf(date, calendar.zone());
        ReportPeriod.Range before = period.previousOf(date, calendar.zone());
        Kpis current = figures.over(new KpiWindow(range.from(), range.to()));
        Kpis previous = figures.over(new KpiWindow(before.from(), before.to()));
        List<Report.Figure> headline = List.of(
                Report.Figure.of("ticketsCreated", current.ticketsCreated(), previous.ticketsCreated()),
                Report.Figure.of("ticketsResolved", current.ticketsResolved(), previous.ticketsResolved()),
                Report.Figure.of("meanFirstResponseSeconds", current.meanFirstResponseSeconds(), previous.meanFirstResponseSeconds()),
                Report.Figure.of("meanResolutionSeconds", current.meanResolutionSeconds(), previous.meanResolutionSeconds()),
                Report.Figure.of("firstResponseSlaAttainment", current.firstResponseSlaAttainment(), previous.firstResponseSlaAttainment()),
                Report.Figure.of("overdueShare", current.overdue().ratio(), previous.overdue().ratio()),
                Report.Figure.of("firstContactResolutionRate", current.firstContactResolution().ratio(),
                        previous.firstContactResolution().ratio()),
                Report.Figure.of("reopenRate", current.reopens().ratio(), previous.reopens().ratio()),
                Report.Figure.of("csatMean", current.csatMean(), previous.csatMean()),
                Report.Figure.of("nps", current.nps().score(), previous.nps().score()),
                Report.Figure.of("backlog", current.backlog(), previous.backlog()));
        return new Report(period.key(), range.firstDay(), range.from(), range.to(), before.from(), before.to(), headline,
                current, previous, top("tag", range, before), top("type", range, before), worstBreaches(range));
    }

    private List<Report.Ranked> top(String dimension, ReportPeriod.Range range, ReportPeriod.Range before) {
        Map<String, Long> now = TimeBuckets.totals(buckets.find(Period.DAY, dimension, range.from(), range.to(), null), "created");
        Map<String, Long> then = TimeBuckets.totals(buckets.find(Period.DAY, dimension, before.from(), before.to(), null), "created");
        return now.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP)
                .map(e -> new Report.Ranked(e.getKey(), e.getValue(), then.getOrDefault(e.getKey(), 0L)))
                .toList();
    }

    private List<Report.Breach> worstBreaches(ReportPeriod.Range range) {
        Instant now = clock.instant();
        List<Report.Breach> breaches = new ArrayList<>();
        try (Stream<TicketFact> active = facts.activeSince(range.from())) {
            active.forEach(fact -> {
                for (TicketFact.SlaClock clock : fact.slaClocks()) {
                    Instant breachedAt = clock.breachedAt();
                    if (breachedAt != null && !breachedAt.isBefore(range.from()) && breachedAt.isBefore(range.to())) {
                        Instant due = clock.dueAt() == null ? breachedAt : clock.dueAt();
                        Instant end = clock.metAt() != null ? clock.metAt() : now;
                        breaches.add(new Report.Breach(fact.ticketNo(), clock.metric(),
                                clock.priority() != null ? clock.priority() : fact.priority() == null ? null : fact.priority().name(),
                                fact.department(), clock.dueAt(), breachedAt, clock.metAt(),
                                Math.max(0, Duration.between(due, end).toSeconds())));
                    }
                }
            });
        }
        return breaches.stream()
                .sorted(Comparator.comparingLong(Report.Breach::overdueSeconds).reversed()
                        .thenComparing(b -> String.valueOf(b.ticketNo())))
                .limit(WORST)
                .toList();
    }
}
