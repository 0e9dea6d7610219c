package io.ticketflow.sla.policy;

import static java.util.Objects.requireNonNull;

import io.ticketflow.events.Department;
import io.ticketflow.events.Priority;
import io.ticketflow.events.SlaMetric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The effective SLA policies: per priority for first response, next response and resolution;
 * one allowance for NEEDS_INFO follow-up, collaborator progress and callbacks; the P0
 * emergency-handling milestone; and per-department answer times for collaborating departments.
 * Every priority must be covered for the per-priority metrics, so a ticket never finds itself
 * without a policy.
 */
public final class PolicyTable {

    private static final Comparator<Priority> PRIORITY_OR_ANY = Comparator.nullsFirst(Comparator.naturalOrder());

    private final String calendar;
    private final Map<SlaMetric, Map<Priority, SlaPolicy>> perPriority;
    private final Map<SlaMetric, SlaPolicy> single;
    private final SlaPolicy emergencyHandling;
    private final Map<Department, SlaPolicy> departmentAnswers;

    public PolicyTable(String calendar, Map<SlaMetric, Map<Priority, Allowance>> perPriority, Map<SlaMetric, Allowance> single,
            Allowance emergencyHandling, Map<Department, Allowance> departmentAnswers) {
        this.calendar = requireNonNull(calendar, "calendar");
        Map<SlaMetric, Map<Priority, SlaPolicy>> table = new EnumMap<>(SlaMetric.class);
        perPriority.forEach((metric, byPriority) -> {
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
        this.perPriority = table;
        Map<SlaMetric, SlaPolicy> singles = new EnumMap<>(SlaMetric.class);
        single.forEach((metric, allowance) -> {
            if (table.containsKey(metric)) {
                throw new IllegalArgumentException(metric + " has policies per priority already");
            }
            singles.put(metric, new SlaPolicy(metric, null, requireNonNull(allowance, metric.name())));
        });
        this.single = singles;
        this.emergencyHandling = new SlaPolicy(SlaMetric.RESOLUTION, Priority.P0, SlaPolicy.EMERGENCY_HANDLING,
                requireNonNull(emergencyHandling, "emergencyHandling"));
        Map<Department, SlaPolicy> answers = new EnumMap<>(Department.class);
        departmentAnswers.forEach((department, allowance) -> answers.put(department,
                new SlaPolicy(SlaMetric.RESOLUTION, null, answerScope(department), requireNonNull(allowance, department.id()))));
        this.departmentAnswers = answers;
    }

    /** The scope of a department's answer clock, e.g. {@code answer:logistics}. */
    public static String answerScope(Department department) {
        return "answer:" + department.id();
    }

    /** The id of the business calendar the policies count on when the department has none of its own. */
    public String calendar() {
        return calendar;
    }

    /** The policy for a metric and priority. */
    public SlaPolicy policyFor(SlaMetric metric, Priority priority) {
        Map<Priority, SlaPolicy> row = perPriority.get(metric);
        if (row != null) {
            return row.get(priority);
        }
        SlaPolicy policy = single.get(metric);
        if (policy == null) {
            throw new IllegalArgumentException("no policies for " + metric);
        }
        return policy;
    }

    /** The P0 milestone: emergency handling within an hour by default. */
    public SlaPolicy emergencyHandling() {
        return emergencyHandling;
    }

    /** The time a collaborating department has to deliver its answer, if it has a policy. */
    public Optional<SlaPolicy> departmentAnswer(Department department) {
        return Optional.ofNullable(departmentAnswers.get(department));
    }

    /** Every policy: by metric, then priority (any-priority rows first), then scope. */
    public List<SlaPolicy> all() {
        List<SlaPolicy> all = new ArrayList<>();
        perPriority.values().forEach(row -> all.addAll(row.values()));
        all.addAll(single.values());
        all.add(emergencyHandling);
        all.addAll(departmentAnswers.values());
        all.sort(Comparator.comparing(SlaPolicy::metric).thenComparing(SlaPolicy::priority, PRIORITY_OR_ANY)
                .thenComparing(SlaPolicy::scope, Comparator.nullsFirst(Comparator.naturalOrder())));
        return all;
    }
}
