package io.ticketflow.feedback.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ticketflow.feedback.outbox.*}: how the relay finds events that were stored but never
 * acknowledged by Kafka (a crash or a broker outage between the Mongo write and the publish).
 *
 * @param relayInterval  pause between two relay passes
 * @param relayGrace     how old a pending event must be before the relay takes it over from the
 *                       request or listener that stored it; longer than the publish timeout so the
 *                       relay does not race a publisher that is still waiting for its ack
 * @param relayBatchSize documents read per query while relaying
 */
@Validated
@ConfigurationProperties("ticketflow.feedback.outbox")
public record OutboxProperties(
        @DefaultValue("5s") Duration relayInterval,
        @DefaultValue("15s") Duration relayGrace,
        @DefaultValue("100") int relayBatchSize) {

    public OutboxProperties {
        if (relayInterval.isNegative() || relayInterval.isZero()) {
            throw new IllegalArgumentException("ticketflow.feedback.outbox.relay-interval must be positive");
        }
        if (relayGrace.isNegative()) {
            throw new IllegalArgumentException("ticketflow.feedback.outbox.relay-grace must not be negative");
        }
        if (relayBatchSize < 1) {
            throw new IllegalArgumentException("ticketflow.feedback.outbox.relay-batch-size must be at least 1");
        }
    }
}
