package io.ticketflow.sla.messaging;

import io.ticketflow.events.CollaboratorAdded;
import io.ticketflow.events.CollaboratorProgressReported;
import io.ticketflow.events.Envelope;
import io.ticketflow.events.EscalationRequested;
import io.ticketflow.events.RoutingEvent;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.Topics;
import io.ticketflow.sla.clock.ClockStore;
import io.ticketflow.sla.clock.SlaClocks;
import io.ticketflow.sla.escalation.Escalations;
import io.ticketflow.sla.escalation.TicketStore;
import io.ticketflow.sla.outbox.OutboxRelay;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * From {@code ticket.routing}: who owns a ticket and who leads them (escalation targets),
 * collaborating departments (their progress and answer clocks, and their escalation topics), and
 * routing's escalation requests.
 */
@Component
class RoutingListener {

    private static final Logger log = LoggerFactory.getLogger(RoutingListener.class);

    private final SlaClocks clocks;
    private final Escalations escalations;
    private final ClockStore clockStore;
    private final TicketStore ticketStore;
    private final OutboxRelay outbox;

    RoutingListener(SlaClocks clocks, Escalations escalations, ClockStore clockStore, TicketStore ticketStore, OutboxRelay outbox) {
        this.clocks = clocks;
        this.escalations = escalations;
        this.clockStore = clockStore;
        this.ticketStore = ticketStore;
        this.outbox = outbox;
    }

    @KafkaListener(topics = Topics.Names.ROUTING)
    void on(ConsumerRecord<String, RoutingEvent> record) {
        Envelope<RoutingEvent> envelope = Envelope.of(record);
        RoutingEvent event = envelope.event();
        if (event instanceof TicketAssigned assigned) {
            escalations.assigned(assigned);
        } else if (event instanceof CollaboratorAdded added) {
            escalations.collaboratorAdded(added);
            Flush.clocks(outbox, clockStore, clocks.collaboratorAdded(added, envelope.id()));
        } else if (event instanceof CollaboratorProgressReported report) {
            Flush.clocks(outbox, clockStore, clocks.progressReported(report, envelope.id()));
        } else if (event instanceof EscalationRequested requested) {
            if (escalations.requested(requested, envelope.id())) {
                outbox.flush(ticketStore, requested.ticketId());
            }
        } else {
            log.debug("ignoring {} ticketNo={} eventId={}", envelope.type(), envelope.subject(), envelope.id());
        }
    }
}
