package io.ticketflow.sla.policy;

import static java.util.Objects.requireNonNull;

import io.ticketflow.events.Priority;
import io.ticketflow.events.SlaMetric;

/** What a ticket of a priority is allowed for one metric. */
public record SlaPolicy(SlaMetric metric, Priority priority, Allowance allowance) {

    public SlaPolicy {
        requireNonNull(metric, "metric");
        requireNonNull(priority, "priority");
        requireNonNull(allowance, "allowance");
    }
}
