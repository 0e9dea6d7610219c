package io.ticketflow.routing.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Publishes events that a crash or a broker outage left in an outbox: once right after start-up
 * and then every {@code ticketflow.routing.outbox.relay-interval}. Several instances may relay
 * the same event; it keeps its id, so consumers see a duplicate and ignore it.
 */
@Component
class OutboxRelay implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final Outbox outbox;
    private final OutboxProperties properties;

    OutboxRelay(Outbox outbox, OutboxProperties properties) {
        this.outbox = outbox;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::relayQuietly, properties.relayInterval());
    }

    /** Publishes what is pending; stops at the first unacknowledged event since Kafka is then likely down. */
    int relay() {
        int documents = 0;
        for (String collection : outbox.collections()) {
            for (String id : outbox.documentsWithPendingEvents(collection, properties.batchSize())) {
                if (!outbox.flush(collection, id)) {
                    return documents;
                }
                documents++;
            }
        }
        if (documents > 0) {
            log.info("outbox relay published leftover events documents={}", documents);
        }
        return documents;
    }

    private void relayQuietly() {
        try {
            relay();
        } catch (RuntimeException e) {
            log.warn("outbox relay run failed, next run in {} cause={}", properties.relayInterval(), e.getClass().getSimpleName());
        }
    }
}
