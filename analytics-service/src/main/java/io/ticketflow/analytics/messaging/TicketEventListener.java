package io.ticketflow.analytics.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.analytics.buckets.TimeBuckets;
import io.ticketflow.analytics.facts.RecordOutcome;
import io.ticketflow.analytics.selfservice.SelfServiceAnswers;
import io.ticketflow.events.SelfServiceEvent;
import io.ticketflow.events.SlaBreached;
import io.ticketflow.events.TicketEscalated;
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

    static final String BREACHES_METRIC = "ticketflow.kpi.sla.breaches";
    static final String ESCALATIONS_METRIC = "ticketflow.kpi.escalations";

    private final TicketFacts facts;
    private final TimeBuckets buckets;
    private final SelfServiceAnswers answers;
    private final MeterRegistry meters;

    TicketEventListener(TicketFacts facts, TimeBuckets buckets, SelfServiceAnswers answers, MeterRegistry meters) {
        this.facts = facts;
        this.buckets = buckets;
        this.answers = answers;
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

    @KafkaListener(topics = Topics.Names.SELF_SERVICE)
    void onSelfService(ConsumerRecord<String, SelfServiceEvent> record) {
        Envelope<SelfServiceEvent> envelope = Envelope.of(record);
        // the answers and the buckets are each idempotent on ce_id; a retry after a failure in between redoes neither
        boolean recorded = answers.record(envelope);
        buckets.record(envelope);
        count(record.topic(), recorded ? RecordOutcome.APPLIED : RecordOutcome.DUPLICATE);
    }

    private void record(ConsumerRecord<String, ? extends TicketflowEvent> record) {
        Envelope<TicketflowEvent> envelope = Envelope.of(record);
        // buckets first: a failure after them is retried and the buckets' own guard skips what they counted
        buckets.record(envelope);
        RecordOutcome outcome = facts.record(envelope);
        if (outcome == RecordOutcome.APPLIED) {
            countDecision(envelope.event());
        }
        count(record.topic(), outcome);
    }

    /** Breaches and escalations as Prometheus counters, each event once (duplicates are not APPLIED). */
    private void countDecision(TicketflowEvent event) {
        if (event instanceof SlaBreached) {
            SlaBreached breach = (SlaBreached) event;
            Counter.builder(BREACHES_METRIC)
                    .description("SLA breaches seen, by metric and department")
                    .tag("metric", breach.metric().name())
                    .tag("department", breach.department() == null ? "unknown" : breach.department().id())
                    .register(meters)
                    .increment();
        } else if (event instanceof TicketEscalated) {
            TicketEscalated escalation = (TicketEscalated) event;
            Counter.builder(ESCALATIONS_METRIC)
                    .description("Escalations seen, by level and department")
                    .tag("level", escalation.level().name())
                    .tag("department", escalation.department().id())
                    .register(meters)
                    .increment();
        }
    }

    private void count(String topic, RecordOutcome outcome) {
        Counter.builder(EVENTS_METRIC)
                .description("Consumed ticket events by topic and what recording them did")
                .tag("topic", topic)
                .tag("outcome", outcome.tag())
                .register(meters)
                .increment();
    }
}
