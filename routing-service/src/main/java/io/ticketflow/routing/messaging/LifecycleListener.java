package io.ticketflow.routing.messaging;

import io.ticketflow.events.Envelope;
import io.ticketflow.events.LifecycleEvent;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.Topics;
import io.ticketflow.routing.assignment.Dispatcher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code ticket.lifecycle}: a created ticket is routed, a resolved one frees its
 * agent's capacity; other types are not routing's business. Handling is idempotent (the
 * ticket id is the natural key), and a failure propagates so the shared error handler retries
 * and then dead-letters the record. The offset is committed after the handler's writes.
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
        } else {
            log.debug("ignored type={} ticketNo={} event={}", envelope.type(), event.ticketNo(), envelope.id());
        }
    }
}
