package io.ticketflow.intake.messaging;

import io.ticketflow.events.Envelope;
import io.ticketflow.events.RoutingEvent;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.Topics;
import io.ticketflow.intake.ticket.TicketProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Shows routing's decisions on the ticket: the assignee of the latest assignment. */
@Component
class RoutingListener {

    private final TicketProjection projection;

    RoutingListener(TicketProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(topics = Topics.Names.ROUTING)
    void on(ConsumerRecord<String, RoutingEvent> record) {
        Envelope<RoutingEvent> envelope = Envelope.of(record);
        if (envelope.event() instanceof TicketAssigned assigned) {
            projection.assign(envelope.id(), assigned);
        }
        // TicketQueued: nothing for intake to show yet
    }
}
