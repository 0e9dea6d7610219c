package io.ticketflow.analytics.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.analytics.facts.RecordOutcome;
import io.ticketflow.analytics.facts.TicketFacts;
import io.ticketflow.events.Envelope;
import io.ticketflow.events.FeedbackEvent;
import io.ticketflow.events.LifecycleEvent;
import io.ticketflow.events.RoutingEvent;
import io.ticketflow.events.SlaEvent;
import io.ticketflow.events.TicketflowEvent;
import io.ticketflow.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds every ticket topic into the ticket facts. One listener (and so one consumer) per topic,
 * all in the group {@code analytics-service}. Each record's offset is committed after
 * {@link TicketFacts#record} returned, i.e. after its MongoDB write; a redelivered record is
 * recognised by its {@code ce_id} and changes nothing. A failing record propagates its exception:
 * the shared error handler retries it, then dead-letters it to {@code <topic>-dlt}.
 * <p>
 * Counts what it did in {@code ticketflow.analytics.events} by topic and outcome
 * ({@code applied}, {@code duplicate}, {@code ignored}).
 */
@Component
class TicketEventListener {

    static final String EVENTS_METRIC = "ticketflow.analytics.events";

    private final TicketFacts facts;
    private final MeterRegistry meters;

    TicketEventListener(TicketFacts facts, MeterRegistry meters) {
        this.facts = facts;
        this.meters = meters;
    }

    @KafkaListener(topics = Topics.Names.LIFECYCLE)
    void onLifecycle(ConsumerRecord<String, LifecycleEvent> record) {
        record(record);
    }

    @KafkaListener(topics = Topics.Names.ROUTING)
    void onRouting(ConsumerRecord<String, RoutingEvent> record) {
        record(record);
    }

    @KafkaListener(topics = Topics.Names.SLA)
    void onSla(ConsumerRecord<String, SlaEvent> record) {
        record(record);
    }

    @KafkaListener(topics = Topics.Names.FEEDBACK)
    void onFeedback(ConsumerRecord<String, FeedbackEvent> record) {
        record(record);
    }

    private void record(ConsumerRecord<String, ? extends TicketflowEvent> record) {
        Envelope<TicketflowEvent> envelope = Envelope.of(record);
        RecordOutcome outcome = facts.record(envelope);
        Counter.builder(EVENTS_METRIC)
                .description("Consumed ticket events by topic and what recording them did")
                .tag("topic", record.topic())
                .tag("outcome", outcome.tag())
                .register(meters)
                .increment();
    }
}
