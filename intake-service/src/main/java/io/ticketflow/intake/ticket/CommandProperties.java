package io.ticketflow.intake.ticket;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ticketflow.intake.commands.*}.
 *
 * @param lease how long a command holds a ticket at most; a command that could not confirm its
 *              outcome keeps the lease until it runs out, so the view can catch up first
 */
@Validated
@ConfigurationProperties("ticketflow.intake.commands")
public record CommandProperties(@DefaultValue("10s") Duration lease) {

    public CommandProperties {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("ticketflow.intake.commands.lease must be positive");
        }
    }
}
