package io.ticketflow.intake.messaging;

import io.ticketflow.events.Envelope;
import io.ticketflow.events.RoutingEvent;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.TicketReassigned;
import io.ticketflow.events.TicketTransferred;
import io.ticketflow.events.Topics;
import io.ticketflow.intake.ticket.TicketProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Shows routing's decisions on the ticket: the assignee of the latest assignment, and transfers
 * and reassignments in its history (each followed by routing's next assignment, or a queue).
 */
@Component
class RoutingListener {

    private final TicketProjection projection;

    RoutingListener(TicketProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(topics = Topics.Names.ROUTING)
    void on(ConsumerRecord<String, RoutingEvent> record) {
        Envelope<RoutingEvent> envelope = Envelope.of(record);
        RoutingEvent event = envelope.event();
        if (event instanceof TicketAssigned assigned) {
            projection.assign(envelope.id(), assigned);
        } else if (event instanceof TicketTransferred transferred) {
            projection.transferred(envelope.id(), transferred);
        } else if (event instanceof TicketReassigned reassigned) {
            projection.reassigned(envelope.id(), reassigned);
        }
        // TicketQueued, collaborators, escalation hints: nothing for intake's view
    }
}
