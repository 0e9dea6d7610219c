package io.ticketflow.sla.policy;

import static java.util.Objects.requireNonNull;

import io.ticketflow.events.Priority;
import io.ticketflow.events.SlaMetric;

/**
 * What a ticket is allowed for one metric.
 *
 * @param priority the priority it applies to, or null when it applies to every priority
 * @param scope    null for the metric itself; {@code emergency-handling} for the P0 milestone;
 *                 {@code answer:<department>} for a collaborating department's answer
 */
public record SlaPolicy(SlaMetric metric, Priority priority, String scope, Allowance allowance) {

    /** The P0 milestone "emergency handling started within 1 h", a resolution milestone. */
    public static final String EMERGENCY_HANDLING = "emergency-handling";

    public SlaPolicy {
        requireNonNull(metric, "metric");
        requireNonNull(allowance, "allowance");
    }

    public SlaPolicy(SlaMetric metric, Priority priority, Allowance allowance) {
        this(metric, priority, null, allowance);
    }
}
