package io.ticketflow.routing.assignment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * {@code ticketflow.routing.assignments{reason,department}} counts assignment decisions;
 * {@code ticketflow.routing.time.to.assign{priority}} times a ticket from creation in intake to
 * its assignment.
 */
@Component
class RoutingMetrics {

    private final MeterRegistry registry;

    RoutingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void assigned(Assignment ticket, Candidate decision, Instant assignedAt) {
        Counter.builder("ticketflow.routing.assignments")
                .description("Tickets assigned to an agent")
                .tag("reason", decision.reason())
                .tag("department", ticket.department().id())
                .register(registry)
                .increment();
        Duration waited = Duration.between(ticket.createdAt(), assignedAt);
        Timer.builder("ticketflow.routing.time.to.assign")
                .description("From ticket creation to its assignment")
                .tag("priority", ticket.priority().name())
                .publishPercentileHistogram()
                .register(registry)
                .record(waited.isNegative() ? Duration.ZERO : waited);
    }
}
