package io.ticketflow.sla.policy;

import io.ticketflow.events.Department;
import io.ticketflow.events.Priority;
import io.ticketflow.events.SlaMetric;
import io.ticketflow.sla.calendar.BusinessCalendars;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ticketflow.sla.policies.*}: the SLA policy table. The seed values from the source
 * documents are in {@code application.yml}; every priority must be given for the per-priority
 * metrics.
 *
 * @param calendar            the business calendar working time is counted on when the ticket's
 *                            department has no calendar of its own (a calendar whose id is the department id)
 * @param firstResponse       per priority, the time until an agent's first reply, e.g. {@code p1: {time: PT2H}}
 * @param nextResponse        per priority, the time an agent has to answer a customer's reply; the
 *                            first-response row when not given
 * @param resolution          per priority, the time until the ticket is resolved, e.g. {@code p3: {working-days: 3}}
 * @param needsInfoFollowUp   the time to get the missing information of a NEEDS_INFO ticket
 * @param collaboratorProgress how often a collaborating department must report progress
 * @param callback            the time to complete a callback that came without its own due time
 * @param p0EmergencyHandling the P0 milestone: emergency handling within this time
 * @param departmentAnswers   per collaborating department, the time to deliver its answer
 *                            (logistics 1 h, R&amp;D 24 h)
 */
@ConfigurationProperties("ticketflow.sla.policies")
public record PolicyProperties(
        @DefaultValue(BusinessCalendars.DEFAULT) String calendar,
        Map<Priority, Allowance> firstResponse,
        Map<Priority, Allowance> nextResponse,
        Map<Priority, Allowance> resolution,
        Allowance needsInfoFollowUp,
        Allowance collaboratorProgress,
        Allowance callback,
        Allowance p0EmergencyHandling,
        Map<Department, Allowance> departmentAnswers) {

    /** The checked table; a missing priority fails the start-up. */
    public PolicyTable toTable() {
        if (calendar == null || calendar.isBlank()) {
            throw new IllegalArgumentException("calendar is required (the id of the calendar working-time clocks use)");
        }
        Map<SlaMetric, Map<Priority, Allowance>> perPriority = new EnumMap<>(SlaMetric.class);
        perPriority.put(SlaMetric.FIRST_RESPONSE, firstResponse == null ? Map.of() : firstResponse);
        perPriority.put(SlaMetric.NEXT_RESPONSE, nextResponse == null || nextResponse.isEmpty()
                ? (firstResponse == null ? Map.of() : firstResponse) : nextResponse);
        perPriority.put(SlaMetric.RESOLUTION, resolution == null ? Map.of() : resolution);
        Map<SlaMetric, Allowance> single = new EnumMap<>(SlaMetric.class);
        single.put(SlaMetric.NEEDS_INFO_FOLLOW_UP, needsInfoFollowUp == null ? Allowance.workingDays(1) : needsInfoFollowUp);
        single.put(SlaMetric.COLLABORATOR_PROGRESS, collaboratorProgress == null
                ? Allowance.calendarTime(java.time.Duration.ofHours(2)) : collaboratorProgress);
        single.put(SlaMetric.CALLBACK, callback == null ? Allowance.workingTime(java.time.Duration.ofHours(4)) : callback);
        return new PolicyTable(calendar, perPriority, single,
                p0EmergencyHandling == null ? Allowance.calendarTime(java.time.Duration.ofHours(1)) : p0EmergencyHandling,
                departmentAnswers == null ? Map.of() : departmentAnswers);
    }
}
