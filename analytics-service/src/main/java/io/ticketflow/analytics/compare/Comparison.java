package io.ticketflow.analytics.compare;

import io.ticketflow.analytics.kpi.Kpis;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A before/after comparison of a pilot group against a baseline, figure by figure, each with the
 * counts behind it.
 */
record Comparison(String group, String baseline, Interval before, Interval after, List<Figure> figures) {

    record Interval(java.time.Instant from, java.time.Instant to) {
    }

    /**
     * @param lowerIsBetter true for durations, false for rates and satisfaction
     */
    record Figure(String name, boolean lowerIsBetter, Side group, Side baseline) {
    }

    /**
     * One population's figure before and after.
     *
     * @param improvementPercent how much better after is than before, in percent of before
     *                           (120 → 75 min = 37.5); negative when worse, null when not comparable
     */
    record Side(@Nullable Double before, long beforeCount, @Nullable Double after, long afterCount,
            @Nullable Double improvementPercent) {

        static Side of(@Nullable Double before, long beforeCount, @Nullable Double after, long afterCount, boolean lowerIsBetter) {
            Double improvement = null;
            if (before != null && after != null && before != 0) {
                double change = (after - before) / before * 100;
                improvement = lowerIsBetter ? -change : change;
            }
            return new Side(before, beforeCount, after, afterCount, improvement);
        }
    }

    /** A figure and the count behind it, read off a {@link Kpis}. */
    record Measure(String name, boolean lowerIsBetter, Function<Kpis, Double> value, Function<Kpis, Long> count) {
    }

    static final List<Measure> MEASURES = List.of(
            new Measure("meanResolutionSeconds", true, Kpis::meanResolutionSeconds, k -> k.resolution().count()),
            new Measure("meanFirstResponseSeconds", true, Kpis::meanFirstResponseSeconds, k -> k.firstResponse().count()),
            new Measure("p90ResolutionSeconds", true, k -> k.resolution().p90(), k -> k.resolution().count()),
            new Measure("firstContactResolutionRate", false, k -> k.firstContactResolution().ratio(),
                    k -> k.firstContactResolution().of()),
            new Measure("reopenRate", true, k -> k.reopens().ratio(), k -> k.reopens().of()),
            new Measure("firstResponseSlaAttainment", false, Kpis::firstResponseSlaAttainment,
                    k -> k.slaAttainment().containsKey("FIRST_RESPONSE") ? k.slaAttainment().get("FIRST_RESPONSE").of() : 0L),
            new Measure("csatMean", false, Kpis::csatMean, Kpis::ratings),
            new Measure("ticketsCreated", false, k -> (double) k.ticketsCreated(), Kpis::ticketsCreated));

    static List<Figure> figures(Kpis groupBefore, Kpis groupAfter, Kpis baseBefore, Kpis baseAfter) {
        List<Figure> figures = new ArrayList<>();
        for (Measure m : MEASURES) {
            figures.add(new Figure(m.name(), m.lowerIsBetter(),
                    Side.of(m.value().apply(groupBefore), m.count().apply(groupBefore), m.value().apply(groupAfter),
                            m.count().apply(groupAfter), m.lowerIsBetter()),
                    Side.of(m.value().apply(baseBefore), m.count().apply(baseBefore), m.value().apply(baseAfter),
                            m.count().apply(baseAfter), m.lowerIsBetter())));
        }
        return figures;
    }
}
