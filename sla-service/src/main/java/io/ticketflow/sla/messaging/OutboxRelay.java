package io.ticketflow.sla.messaging;

import io.ticketflow.events.spring.EventPublishException;
import io.ticketflow.events.spring.EventPublisher;
import io.ticketflow.sla.clock.ClockStore;
import io.ticketflow.sla.clock.PendingEvent;
import io.ticketflow.sla.clock.SlaClock;
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
 * Publishes the events a clock document holds, with their deterministic ids, and forgets each
 * one once Kafka acknowledged it. The handler that stored an event flushes it at once; the relay
 * pass, at start-up and then every {@code relay-interval}, catches whatever a crash or a Kafka
 * outage left behind. A republished event carries the same {@code ce_id}, so consumers drop it.
 */
@Component
class OutboxRelay implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final ClockStore store;
    private final EventPublisher publisher;
    private final Clock clock;
    private final OutboxProperties properties;

    OutboxRelay(ClockStore store, EventPublisher publisher, Clock clock, OutboxProperties properties) {
        this.store = store;
        this.publisher = publisher;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::relayPass, properties.relayInterval(), Duration.ZERO));
    }

    /**
     * Publishes a clock's pending events in order. A failure leaves the rest for the relay and
     * returns false: the clock's state is already safe in MongoDB.
     */
    boolean flush(String clockId) {
        return store.byId(clockId).map(this::publishPending).orElse(true);
    }

    /** One relay pass over every clock with an event pending for longer than the grace period. */
    void relayPass() {
        try {
            List<SlaClock> batch;
            do {
                batch = store.withEventsPendingSince(clock.instant().minus(properties.relayGrace()), properties.relayBatch());
                for (SlaClock left : batch) {
                    log.info("relaying pending events ticketNo={} clockId={} pending={}", left.ticketNo(), left.clockId(),
                            left.pendingEvents().size());
                    if (!publishPending(left)) {
                        return; // Kafka is not taking events; the next pass tries again
                    }
                }
            } while (batch.size() == properties.relayBatch());
        } catch (RuntimeException e) {
            log.warn("outbox relay pass failed, retrying in {}: {}", properties.relayInterval(), e.toString());
        }
    }

    private boolean publishPending(SlaClock clock) {
        for (PendingEvent pending : clock.pendingEvents()) {
            try {
                publisher.publish(pending.id(), pending.event());
            } catch (EventPublishException e) {
                log.warn("event stays pending for the relay ticketNo={} clockId={} eventId={} type={} cause={}",
                        clock.ticketNo(), clock.clockId(), pending.eventId(), pending.type(), e.getMessage());
                return false;
            }
            store.clearPending(clock.clockId(), pending.eventId());
            log.debug("published ticketNo={} clockId={} eventId={} type={}", clock.ticketNo(), clock.clockId(),
                    pending.eventId(), pending.type());
        }
        return true;
    }
}
