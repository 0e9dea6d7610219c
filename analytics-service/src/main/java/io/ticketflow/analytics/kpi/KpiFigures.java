package io.ticketflow.analytics.kpi;

import io.ticketflow.analytics.facts.TicketFact;
import io.ticketflow.analytics.facts.TicketFacts;
import io.ticketflow.analytics.selfservice.SelfServiceAnswers;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The KPIs of a window, computed from the ticket facts in MongoDB: one indexed range query on
 * the creation time, then one pass over the cohort (O(tickets created in the window)).
 */
@Component
public class KpiFigures {

    private final TicketFacts facts;
    private final SelfServiceAnswers answers;
    private final Clock clock;

    KpiFigures(TicketFacts facts, SelfServiceAnswers answers, Clock clock) {
        this.facts = facts;
        this.answers = answers;
        this.clock = clock;
    }

    /** The KPIs of the tickets created in the window. */
    public Kpis over(KpiWindow window) {
        return over(window, null);
    }

    /** The KPIs of the tickets created in the window, and per value of {@code groupBy} when given. */
    public Kpis over(KpiWindow window, @Nullable Dimension groupBy) {
        return over(window, groupBy, fact -> true);
    }

    /** As {@link #over(KpiWindow, Dimension)}, over the tickets of the cohort that pass {@code filter} only. */
    public Kpis over(KpiWindow window, @Nullable Dimension groupBy, Predicate<TicketFact> filter) {
        KpiCalculator overall = new KpiCalculator(clock.instant());
        Map<String, KpiCalculator> groups = new TreeMap<>();
        try (Stream<TicketFact> cohort = facts.createdBetween(window.from(), window.to())) {
            cohort.filter(filter).forEach(fact -> {
                overall.add(fact);
                if (groupBy != null) {
                    groups.computeIfAbsent(groupBy.of(fact), g -> new KpiCalculator(clock.instant())).add(fact);
                }
            });
        }
        Kpis result = withDeflection(overall.result(window.from(), window.to()), window, null);
        if (groupBy == null) {
            return result;
        }
        Map<String, Kpis> byValue = new TreeMap<>();
        groups.forEach((value, calculator) -> {
            Kpis group = calculator.result(window.from(), window.to());
            byValue.put(value, groupBy == Dimension.CHANNEL ? withDeflection(group, window, value) : group);
        });
        return result.withGroups(groupBy.key(), byValue);
    }

    /** Deflection: answers accepted in self-service out of (those answers + tickets created), in the window. */
    private Kpis withDeflection(Kpis kpis, KpiWindow window, @Nullable String channel) {
        long accepted = answers.acceptedBetween(window.from(), window.to(), channel);
        return kpis.withDeflection(Kpis.Share.of(accepted, accepted + kpis.ticketsCreated()));
    }
}
