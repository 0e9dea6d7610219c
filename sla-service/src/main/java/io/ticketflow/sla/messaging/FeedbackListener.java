package io.ticketflow.sla.messaging;

import io.ticketflow.events.CallbackCompleted;
import io.ticketflow.events.CallbackOpened;
import io.ticketflow.events.Envelope;
import io.ticketflow.events.FeedbackEvent;
import io.ticketflow.events.Topics;
import io.ticketflow.sla.clock.ClockStore;
import io.ticketflow.sla.clock.SlaClocks;
import io.ticketflow.sla.outbox.OutboxRelay;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** From {@code ticket.feedback}: callback clocks. */
@Component
class FeedbackListener {

    private static final Logger log = LoggerFactory.getLogger(FeedbackListener.class);

    private final SlaClocks clocks;
    private final ClockStore clockStore;
    private final OutboxRelay outbox;

    FeedbackListener(SlaClocks clocks, ClockStore clockStore, OutboxRelay outbox) {
        this.clocks = clocks;
        this.clockStore = clockStore;
        this.outbox = outbox;
    }

    @KafkaListener(topics = Topics.Names.FEEDBACK)
    void on(ConsumerRecord<String, FeedbackEvent> record) {
        Envelope<FeedbackEvent> envelope = Envelope.of(record);
        FeedbackEvent event = envelope.event();
        if (event instanceof CallbackOpened opened) {
            Flush.clocks(outbox, clockStore, clocks.callbackOpened(opened, envelope.id()));
        } else if (event instanceof CallbackCompleted completed) {
            Flush.clocks(outbox, clockStore, clocks.callbackCompleted(completed, envelope.id()));
        } else {
            log.debug("ignoring {} ticketNo={} eventId={}", envelope.type(), envelope.subject(), envelope.id());
        }
    }
}
