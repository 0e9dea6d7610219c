package io.ticketflow.sla.policy;

import static java.util.Objects.requireNonNull;

import io.ticketflow.events.Priority;
import io.ticketflow.events.SlaMetric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The effective SLA policies: one allowance per metric and priority, all counted on one business
 * calendar. Every priority must be covered for every metric the table knows, so a ticket never
 * finds itself without a policy.
 */
public final class PolicyTable {

    private final String calendar;
    private final Map<SlaMetric, Map<Priority, SlaPolicy>> policies;

    public PolicyTable(String calendar, Map<SlaMetric, Map<Priority, Allowance>> allowances) {
        this.calendar = requireNonNull(calendar, "calendar");
        Map<SlaMetric, Map<Priority, SlaPolicy>> table = new EnumMap<>(SlaMetric.class);
        allowances.forEach((metric, byPriority) -> {
            Map<Priority, SlaPolicy> row = new EnumMap<>(Priority.class);
            for (Priority priority : Priority.values()) {
                Allowance allowance = byPriority == null ? null : byPriority.get(priority);
                if (allowance == null) {
                    throw new IllegalArgumentException("no " + metric + " policy for " + priority);
                }
                row.put(priority, new SlaPolicy(metric, priority, allowance));
            }
            table.put(metric, Map.copyOf(row));
        });
        this.policies = table;
    }

    /** The id of the business calendar the policies count on. */
    public String calendar() {
        return calendar;
    }

    /** The metrics this table has policies for. */
    public Set<SlaMetric> metrics() {
        return policies.keySet();
    }

    /** The policy for a metric and priority. */
    public SlaPolicy policyFor(SlaMetric metric, Priority priority) {
        Map<Priority, SlaPolicy> row = policies.get(metric);
        if (row == null) {
            throw new IllegalArgumentException("no policies for " + metric);
        }
        return row.get(priority);
    }

    /** Every policy, by metric then priority. */
    public List<SlaPolicy> all() {
        List<SlaPolicy> all = new ArrayList<>();
        policies.values().forEach(row -> all.addAll(row.values()));
        all.sort(Comparator.comparing(SlaPolicy::metric).thenComparing(SlaPolicy::priority));
        return all;
    }
}
