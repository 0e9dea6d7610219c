package io.ticketflow.routing.messaging;

import io.ticketflow.events.Envelope;
import io.ticketflow.events.LifecycleEvent;
import io.ticketflow.events.ReplyAuthor;
import io.ticketflow.events.TicketClosed;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketHeld;
import io.ticketflow.events.TicketInfoRequested;
import io.ticketflow.events.TicketReclassified;
import io.ticketflow.events.TicketReopened;
import io.ticketflow.events.TicketReplied;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.Topics;
import io.ticketflow.routing.assignment.Dispatcher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code ticket.lifecycle}: a created ticket is routed; resolved and closed ones free
 * their agent's capacity; a reopened one goes back to its owner or the queue; a reclassified one
 * may move department; an agent's reply, hold or information request touches the assignment.
 * Other types are not routing's business. Handling is idempotent (natural keys and conditional
 * updates), and a failure propagates so the shared error handler retries and then dead-letters
 * the record. The offset is committed after the handler's writes.
 */
@Component
class LifecycleListener {

    private static final Logger log = LoggerFactory.getLogger(LifecycleListener.class);

    private final Dispatcher dispatcher;

    LifecycleListener(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @KafkaListener(topics = Topics.Names.LIFECYCLE)
    void on(ConsumerRecord<String, LifecycleEvent> record) {
        Envelope<LifecycleEvent> envelope = Envelope.of(record);
        LifecycleEvent event = envelope.event();
        if (event instanceof TicketCreated) {
            dispatcher.route(envelope.id(), (TicketCreated) event);
        } else if (event instanceof TicketResolved) {
            dispatcher.release(envelope.id(), (TicketResolved) event);
        } else if (event instanceof TicketClosed) {
            dispatcher.release(envelope.id(), (TicketClosed) event);
        } else if (event instanceof TicketReopened) {
            dispatcher.reopen(envelope.id(), (TicketReopened) event);
        } else if (event instanceof TicketReclassified) {
            dispatcher.reclassify(envelope.id(), (TicketReclassified) event);
        } else if (event instanceof TicketReplied) {
            TicketReplied replied = (TicketReplied) event;
            if (replied.author() == ReplyAuthor.AGENT) {
                dispatcher.touch(envelope.id(), replied.ticketId(), replied.agentId(), "replied");
            }
        } else if (event instanceof TicketHeld) {
            TicketHeld held = (TicketHeld) event;
            dispatcher.touch(envelope.id(), held.ticketId(), held.agentId(), "held");
        } else if (event instanceof TicketInfoRequested) {
            // carries no agent: it counts for whoever holds the ticket
            dispatcher.touch(envelope.id(), event.ticketId(), null, "info-requested");
        } else {
            log.debug("ignored type={} ticketNo={} event={}", envelope.type(), event.ticketNo(), envelope.id());
        }
    }
}
