package io.ticketflow.intake.submission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ticketflow.intake.idempotency.*}.
 *
 * @param retention    how long an Idempotency-Key is remembered (a TTL index removes it afterwards)
 * @param claimTimeout how long a submission in flight holds its key; after that a retry with the
 *                     same key takes over and republishes the same event
 */
@Validated
@ConfigurationProperties("ticketflow.intake.idempotency")
public record IdempotencyProperties(
        @DefaultValue("24h") Duration retention,
        @DefaultValue("30s") Duration claimTimeout) {

    public IdempotencyProperties {
        if (retention.isNegative() || retention.isZero() || claimTimeout.isNegative() || claimTimeout.isZero()) {
            throw new IllegalArgumentException("ticketflow.intake.idempotency durations must be positive");
        }
    }
}
