package io.ticketflow.routing.assignment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * {@code ticketflow.routing.assignments{reason,department}} counts assignment decisions (its rate
 * is assignments per second); {@code ticketflow.routing.time.to.assign{priority}} times a ticket
 * from creation in intake to its first assignment; {@code ticketflow.routing.transfers{department}}
 * and {@code ticketflow.routing.reassignments{reason}} count those moves.
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
        if (ticket.assignmentNo() > 0) {
            return;
        }
        Duration waited = Duration.between(ticket.createdAt(), assignedAt);
        Timer.builder("ticketflow.routing.time.to.assign")
                .description("From ticket creation to its assignment")
                .tag("priority", ticket.priority().name())
                .publishPercentileHistogram()
                .register(registry)
                .record(waited.isNegative() ? Duration.ZERO : waited);
    }

    void transferred(io.ticketflow.events.Department to) {
        Counter.builder("ticketflow.routing.transfers")
                .description("Tickets transferred, by the department they went to")
                .tag("department", to.id())
                .register(registry)
                .increment();
    }

    void reassigned(io.ticketflow.events.ReassignReason reason) {
        Counter.builder("ticketflow.routing.reassignments")
                .description("Tickets taken from their agent by routing")
                .tag("reason", reason.name())
                .register(registry)
                .increment();
    }
}
