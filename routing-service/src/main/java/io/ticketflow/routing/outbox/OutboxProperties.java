package io.ticketflow.routing.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ticketflow.routing.outbox.*}: how the relay catches up on events left pending.
 *
 * @param relayInterval pause between two relay runs (the first runs at start-up)
 * @param batchSize     documents with pending events handled per collection and run
 */
@ConfigurationProperties("ticketflow.routing.outbox")
record OutboxProperties(
        @DefaultValue("5s") Duration relayInterval,
        @DefaultValue("100") int batchSize) {

    OutboxProperties {
        if (relayInterval.isNegative() || relayInterval.isZero()) {
            throw new IllegalArgumentException("ticketflow.routing.outbox.relay-interval must be positive");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("ticketflow.routing.outbox.batch-size must be at least 1");
        }
    }
}
