package io.ticketflow.analytics.kpi;

import io.ticketflow.analytics.facts.TicketFact;
import io.ticketflow.analytics.facts.TicketFacts;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** The KPIs of a window, computed from the ticket facts in MongoDB. */
@Component
class KpiFigures {

    private final TicketFacts facts;

    KpiFigures(TicketFacts facts) {
        this.facts = facts;
    }

    Kpis over(KpiWindow window) {
        try (Stream<TicketFact> cohort = facts.createdBetween(window.from(), window.to())) {
            return KpiCalculator.calculate(cohort, window.from(), window.to());
        }
    }
}
