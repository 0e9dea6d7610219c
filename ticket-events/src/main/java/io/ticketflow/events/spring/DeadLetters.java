package io.ticketflow.events.spring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.events.Topic;
import io.ticketflow.events.Topics;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Counts the records a service sent to a dead-letter topic, per source topic:
 * {@code ticketflow_dead_letters_total{topic}}. Every catalogue topic's counter exists from the
 * start at zero, so an alert on its increase sees a series before the first poison record, and
 * the label set stays bounded by the catalogue.
 */
final class DeadLetters {

    static final String METER = "ticketflow.dead.letters";

    private final Map<String, Counter> byTopic;
    private final MeterRegistry meters;

    DeadLetters(MeterRegistry meters) {
        this.meters = meters;
        this.byTopic = Topics.all().stream().map(Topic::name)
                .collect(Collectors.toUnmodifiableMap(Function.identity(), this::counter));
    }

    /** One more record of this topic went to its dead-letter topic. */
    void counted(String topic) {
        Counter counter = byTopic.get(topic);
        (counter != null ? counter : counter("other")).increment();
    }

    private Counter counter(String topic) {
        return Counter.builder(METER)
                .description("Records sent to the dead-letter topic, by the topic they came from")
                .tag("topic", topic)
                .register(meters);
    }
}
