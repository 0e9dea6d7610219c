package io.ticketflow.routing.messaging;

import io.ticketflow.events.Envelope;
import io.ticketflow.events.SlaClockRescheduled;
import io.ticketflow.events.SlaClockStarted;
import io.ticketflow.events.SlaEvent;
import io.ticketflow.events.Topics;
import io.ticketflow.routing.assignment.Dispatcher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code ticket.sla} for the due times of the first-response and resolution clocks,
 * which order the queue and bring relaxation forward. Setting a due time is idempotent.
 */
@Component
class SlaListener {

    private final Dispatcher dispatcher;

    SlaListener(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @KafkaListener(topics = Topics.Names.SLA)
    void on(ConsumerRecord<String, SlaEvent> record) {
        Envelope<SlaEvent> envelope = Envelope.of(record);
        SlaEvent event = envelope.event();
        if (event instanceof SlaClockStarted) {
            SlaClockStarted started = (SlaClockStarted) event;
            dispatcher.due(envelope.id(), started.ticketId(), started.ticketNo(), started.metric(), started.dueAt());
        } else if (event instanceof SlaClockRescheduled) {
            SlaClockRescheduled rescheduled = (SlaClockRescheduled) event;
            dispatcher.due(envelope.id(), rescheduled.ticketId(), rescheduled.ticketNo(), rescheduled.metric(),
                    rescheduled.dueAt());
        }
    }
}
