package io.ticketflow.sla.escalation;

import io.ticketflow.events.EscalationLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ticketflow.sla.escalation.*}: the escalation ladder's rules. Levels only go up; a trigger
 * whose level is not above the ticket's current level changes nothing.
 *
 * @param firstBreach       level of a ticket's first breach
 * @param repeatedBreach    level of its second and later breaches
 * @param breachAtMajor     level of a breach while the ticket is at MAJOR
 * @param p0SystemFault     level when a P0 FUNCTION (system fault) ticket is still open after its
 *                          emergency-handling milestone (1 h by default)
 * @param publicOpinionRisk level when intake flags PUBLIC_OPINION_RISK
 * @param managerId         the manager who gets CRITICAL escalations
 */
@ConfigurationProperties("ticketflow.sla.escalation")
public record EscalationProperties(
        @DefaultValue("GENERAL") EscalationLevel firstBreach,
        @DefaultValue("MAJOR") EscalationLevel repeatedBreach,
        @DefaultValue("CRITICAL") EscalationLevel breachAtMajor,
        @DefaultValue("MAJOR") EscalationLevel p0SystemFault,
        @DefaultValue("CRITICAL") EscalationLevel publicOpinionRisk,
        @DefaultValue("service-manager") String managerId) {

    /** The shipped rules, as the issue gives them. */
    public static EscalationProperties defaults() {
        return new EscalationProperties(EscalationLevel.GENERAL, EscalationLevel.MAJOR, EscalationLevel.CRITICAL,
                EscalationLevel.MAJOR, EscalationLevel.CRITICAL, "service-manager");
    }
}
