package io.ticketflow.sla.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ticketflow.sla.outbox.*}: the relay that publishes events left pending in clock documents.
 *
 * @param relayInterval pause between two relay passes (the first pass runs at start-up)
 * @param relayGrace    how old a pending event must be before the relay takes it; younger ones
 *                      are still being published by the handler that stored them
 * @param relayBatch    clocks read per query; a pass keeps reading until nothing is left
 */
@ConfigurationProperties("ticketflow.sla.outbox")
public record OutboxProperties(
        @DefaultValue("5s") Duration relayInterval,
        @DefaultValue("10s") Duration relayGrace,
        @DefaultValue("100") int relayBatch) {

    public OutboxProperties {
        if (relayInterval == null || relayInterval.isNegative() || relayInterval.isZero()) {
            throw new IllegalArgumentException("ticketflow.sla.outbox.relay-interval must be positive");
        }
        if (relayGrace == null || relayGrace.isNegative()) {
            throw new IllegalArgumentException("ticketflow.sla.outbox.relay-grace must not be negative");
        }
        if (relayBatch < 1) {
            throw new IllegalArgumentException("ticketflow.sla.outbox.relay-batch must be at least 1");
        }
    }
}
