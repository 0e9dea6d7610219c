package io.ticketflow.intake.ticket;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ticketflow.intake.lifecycle.*}.
 *
 * @param reopenWindow       how long after its resolution or closure a ticket may still be reopened
 * @param infoRequestGrace   how old a NEEDS_INFO ticket without its TicketInfoRequested must be
 *                           before the repair publishes it (the submission normally does within
 *                           milliseconds; this must exceed the command lease)
 * @param infoRequestRepairInterval how often the repair looks for such tickets
 */
@Validated
@ConfigurationProperties("ticketflow.intake.lifecycle")
public record LifecycleProperties(
        @DefaultValue("P30D") Duration reopenWindow,
        @DefaultValue("30s") Duration infoRequestGrace,
        @DefaultValue("10s") Duration infoRequestRepairInterval) {

    public LifecycleProperties {
        requirePositive("reopen-window", reopenWindow);
        requirePositive("info-request-grace", infoRequestGrace);
        requirePositive("info-request-repair-interval", infoRequestRepairInterval);
    }

    private static void requirePositive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("ticketflow.intake.lifecycle." + key + " must be positive");
        }
    }
}
