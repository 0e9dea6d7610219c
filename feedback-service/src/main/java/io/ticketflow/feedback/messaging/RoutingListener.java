package io.ticketflow.feedback.messaging;

import io.ticketflow.events.Envelope;
import io.ticketflow.events.RoutingEvent;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.Topics;
import io.ticketflow.feedback.ticket.TicketAssignments;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Routing's assignments: who holds a ticket and who leads their team, for the callback owner. */
@Component
class RoutingListener {

    private static final Logger log = LoggerFactory.getLogger(RoutingListener.class);

    private final TicketAssignments assignments;

    RoutingListener(TicketAssignments assignments) {
        this.assignments = assignments;
    }

    @KafkaListener(topics = Topics.Names.ROUTING)
    void on(ConsumerRecord<String, RoutingEvent> record) {
        Envelope<RoutingEvent> envelope = Envelope.of(record);
        if (envelope.event() instanceof TicketAssigned assigned) {
            assignments.remember(assigned);
        } else {
            log.debug("ignored type={} eventId={} ticketNo={}", envelope.type(), envelope.id(), envelope.subject());
        }
    }
}
