package io.ticketflow.routing.queue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ticketflow.routing.queue.*}.
 *
 * @param refreshInterval how often the queue-length gauge is recounted
 */
@ConfigurationProperties("ticketflow.routing.queue")
record QueueProperties(@DefaultValue("5s") Duration refreshInterval) {

    QueueProperties {
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("ticketflow.routing.queue.refresh-interval must be positive");
        }
    }
}
