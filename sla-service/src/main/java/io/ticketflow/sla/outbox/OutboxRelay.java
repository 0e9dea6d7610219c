package io.ticketflow.sla.outbox;

import io.ticketflow.events.spring.EventPublishException;
import io.ticketflow.events.spring.EventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Publishes the events a document holds, with their deterministic ids, and forgets each one once
 * Kafka acknowledged it. The handler that stored an event flushes it at once; the relay pass, at
 * start-up and then every {@code relay-interval}, catches whatever a crash or a Kafka outage left
 * behind. A republished event carries the same {@code ce_id}, so consumers drop it.
 */
@Component
public class OutboxRelay implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final List<OutboxCollection> collections;
    private final EventPublisher publisher;
    private final Clock clock;
    private final OutboxProperties properties;

    public OutboxRelay(List<OutboxCollection> collections, EventPublisher publisher, Clock clock, OutboxProperties properties) {
        this.collections = List.copyOf(collections);
        this.publisher = publisher;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::relayPass, properties.relayInterval(), Duration.ZERO));
    }

    /**
     * Publishes a document's pending events in order. A failure leaves the rest for the relay and
     * returns false: the state is already safe in MongoDB.
     */
    public boolean flush(OutboxCollection collection, String id) {
        return collection.pendingOf(id).map(doc -> publishPending(collection, doc)).orElse(true);
    }

    /**
     * Publishes the pending events of a document just written, without reading it back; what an
     * earlier handler already published is skipped by the store's clear (and would be harmless).
     */
    public boolean flush(OutboxCollection collection, OutboxDocument written) {
        return publishPending(collection, written);
    }

    /** One relay pass over every document with an event pending for longer than the grace period. */
    public void relayPass() {
        for (OutboxCollection collection : collections) {
            try {
                List<OutboxDocument> batch;
                do {
                    batch = collection.pendingSince(clock.instant().minus(properties.relayGrace()), properties.relayBatch());
                    for (OutboxDocument left : batch) {
                        log.info("relaying pending events collection={} ticketNo={} id={} pending={}", collection.name(),
                                left.ticketNo(), left.id(), left.pending().size());
                        if (!publishPending(collection, left)) {
                            return; // Kafka is not taking events; the next pass tries again
                        }
                    }
                } while (batch.size() == properties.relayBatch());
            } catch (RuntimeException e) {
                log.warn("outbox relay pass failed collection={}, retrying in {}: {}", collection.name(),
                        properties.relayInterval(), e.toString());
            }
        }
    }

    private boolean publishPending(OutboxCollection collection, OutboxDocument doc) {
        for (PendingEvent pending : doc.pending()) {
            try {
                publisher.publish(pending.destination(), pending.id(), pending.event());
            } catch (EventPublishException e) {
                log.warn("event stays pending for the relay ticketNo={} id={} eventId={} type={} topic={} cause={}",
                        doc.ticketNo(), doc.id(), pending.eventId(), pending.type(), pending.topic(), e.getMessage());
                return false;
            }
            collection.clear(doc.id(), pending);
            log.debug("published ticketNo={} id={} eventId={} type={} topic={}", doc.ticketNo(), doc.id(),
                    pending.eventId(), pending.type(), pending.topic());
        }
        return true;
    }
}
