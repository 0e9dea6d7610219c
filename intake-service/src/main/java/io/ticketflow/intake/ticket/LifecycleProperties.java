package io.ticketflow.intake.ticket;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ticketflow.intake.lifecycle.*}.
 *
 * @param reopenWindow       how long after its resolution or closure a ticket may still be reopened
 * @param followUpGrace      how long a ticket must have owed a follow-up (the TicketInfoRequested
 *                           of a NEEDS_INFO ticket, the TicketResumed after the customer's answer)
 *                           before the repair publishes it; the cause normally does within
 *                           milliseconds; must exceed the command lease
 * @param followUpRepairInterval how often the repair looks for such tickets
 */
@Validated
@ConfigurationProperties("ticketflow.intake.lifecycle")
public record LifecycleProperties(
        @DefaultValue("P30D") Duration reopenWindow,
        @DefaultValue("30s") Duration followUpGrace,
        @DefaultValue("10s") Duration followUpRepairInterval) {

    public LifecycleProperties {
        requirePositive("reopen-window", reopenWindow);
        requirePositive("follow-up-grace", followUpGrace);
        requirePositive("follow-up-repair-interval", followUpRepairInterval);
    }

    private static void requirePositive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("ticketflow.intake.lifecycle." + key + " must be positive");
        }
    }
}
