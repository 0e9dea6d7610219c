package io.ticketflow.intake.messaging;

import io.ticketflow.events.Envelope;
import io.ticketflow.events.LifecycleEvent;
import io.ticketflow.events.Topics;
import io.ticketflow.intake.ticket.TicketProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * "Listen to yourself": every event intake published on {@code ticket.lifecycle} goes into the
 * view, so the view is complete even when the command path stopped after Kafka's acknowledgement.
 * Idempotent by sequence; the offset is committed after the write.
 */
@Component
class LifecycleListener {

    private final TicketProjection projection;

    LifecycleListener(TicketProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(topics = Topics.Names.LIFECYCLE)
    void on(ConsumerRecord<String, LifecycleEvent> record) {
        Envelope<LifecycleEvent> envelope = Envelope.of(record);
        projection.apply(envelope.id(), envelope.event());
    }
}
