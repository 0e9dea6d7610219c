package io.ticketflow.events.spring;

import io.ticketflow.events.CloudEventHeaders;
import io.ticketflow.events.Envelope;
import io.ticketflow.events.Topic;
import io.ticketflow.events.Topics;
import io.ticketflow.events.TicketflowEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes events with their CloudEvents envelope to the topic the catalogue names for them,
 * keyed by {@link TicketflowEvent#key()}. The blocking methods return only once Kafka has
 * acknowledged the record ({@code acks=all}); a caller may then tell a customer "accepted".
 */
public class EventPublisher {

    private final KafkaTemplate<Object, Object> template;
    private final Clock clock;
    private final String source;
    private final Duration timeout;

    public EventPublisher(KafkaTemplate<Object, Object> template, Clock clock, String serviceName, Duration timeout) {
        this.template = template;
        this.clock = clock;
        this.source = CloudEventHeaders.sourceOf(serviceName);
        this.timeout = timeout;
    }

    /** Publishes with a fresh event id and waits for the acknowledgement. */
    public <E extends TicketflowEvent> Envelope<E> publish(E event) {
        return publish(UUID.randomUUID(), event);
    }

    /** Publishes with the given (usually deterministic) id and waits for the acknowledgement. */
    public <E extends TicketflowEvent> Envelope<E> publish(UUID id, E event) {
        return publish(Topics.of(event), id, event);
    }

    /** Publishes to a named catalogue topic, e.g. a department's escalation topic, and waits. */
    public <E extends TicketflowEvent> Envelope<E> publish(Topic<?> topic, UUID id, E event) {
        Envelope<E> envelope = Envelope.of(id, source, clock.instant(), event);
        await(send(topic, envelope), envelope);
        return envelope;
    }

    /** Sends without waiting; the future completes when Kafka acknowledged the record. */
    public <E extends TicketflowEvent> CompletableFuture<Envelope<E>> publishAsync(UUID id, E event) {
        Envelope<E> envelope = Envelope.of(id, source, clock.instant(), event);
        return send(Topics.of(event), envelope).thenApply(result -> envelope);
    }

    private CompletableFuture<?> send(Topic<?> topic, Envelope<?> envelope) {
        if (!topic.valueType().isInstance(envelope.event())) {
            throw new IllegalArgumentException(envelope.type() + " does not belong on " + topic.name());
        }
        ProducerRecord<Object, Object> record = new ProducerRecord<>(
                topic.name(), null, null, envelope.event().key(), envelope.event(), envelope.toHeaders());
        try {
            return template.send(record);
        } catch (RuntimeException refused) {
            // the producer can refuse at once, e.g. no metadata for the topic within max.block.ms
            // while the broker is down: the same "not acknowledged" as a send that fails later
            return CompletableFuture.failedFuture(refused);
        }
    }

    private void await(CompletableFuture<?> future, Envelope<?> envelope) {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublishException("interrupted while publishing " + envelope.type() + " " + envelope.id(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventPublishException("Kafka did not acknowledge " + envelope.type() + " " + envelope.id(), e);
        }
    }
}
