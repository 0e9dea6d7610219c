package io.ticketflow.feedback.messaging;

import io.ticketflow.events.Envelope;
import io.ticketflow.events.FeedbackEvent;
import io.ticketflow.events.RatingReceived;
import io.ticketflow.events.Topics;
import io.ticketflow.feedback.callback.CallbackOpener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feedback listens to its own topic: a rating opens a callback only once Kafka has it, so the
 * callback follows from the published fact, not from the request that produced it.
 */
@Component
class FeedbackListener {

    private static final Logger log = LoggerFactory.getLogger(FeedbackListener.class);

    private final CallbackOpener callbacks;

    FeedbackListener(CallbackOpener callbacks) {
        this.callbacks = callbacks;
    }

    @KafkaListener(topics = Topics.Names.FEEDBACK)
    void on(ConsumerRecord<String, FeedbackEvent> record) {
        Envelope<FeedbackEvent> envelope = Envelope.of(record);
        FeedbackEvent event = envelope.event();
        if (event instanceof RatingReceived rating) {
            callbacks.openFor(rating, envelope.id());
        } else {
            log.debug("ignored type={} eventId={} ticketNo={}", envelope.type(), envelope.id(), envelope.subject());
        }
    }
}
