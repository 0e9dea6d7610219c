package io.ticketflow.sla.messaging;

import io.ticketflow.events.Envelope;
import io.ticketflow.events.LifecycleEvent;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketReplied;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.Topics;
import io.ticketflow.sla.clock.SlaClocks;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Drives the clocks from {@code ticket.lifecycle}. The clock changes are stored before this
 * method returns (and so before the offset is committed); their events are then published, or
 * left for the relay when Kafka does not take them. Failures of the store propagate, so the
 * shared error handler retries and finally dead-letters the record.
 */
@Component
class LifecycleListener {

    private static final Logger log = LoggerFactory.getLogger(LifecycleListener.class);

    private final SlaClocks clocks;
    private final OutboxRelay outbox;

    LifecycleListener(SlaClocks clocks, OutboxRelay outbox) {
        this.clocks = clocks;
        this.outbox = outbox;
    }

    @KafkaListener(topics = Topics.Names.LIFECYCLE)
    void on(ConsumerRecord<String, LifecycleEvent> record) {
        Envelope<LifecycleEvent> envelope = Envelope.of(record);
        LifecycleEvent event = envelope.event();
        List<String> touched;
        if (event instanceof TicketCreated created) {
            touched = clocks.ticketCreated(created, envelope.id());
        } else if (event instanceof TicketReplied replied) {
            touched = clocks.ticketReplied(replied, envelope.id());
        } else if (event instanceof TicketResolved resolved) {
            touched = clocks.ticketResolved(resolved, envelope.id());
        } else {
            log.debug("ignoring {} ticketNo={} eventId={}", envelope.type(), envelope.subject(), envelope.id());
            return;
        }
        for (String clockId : touched) {
            if (!outbox.flush(clockId)) {
                return; // Kafka refused one event; the relay publishes the rest in order later
            }
        }
    }
}
