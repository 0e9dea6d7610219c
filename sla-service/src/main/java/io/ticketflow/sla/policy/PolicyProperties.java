package io.ticketflow.sla.policy;

import io.ticketflow.events.Priority;
import io.ticketflow.events.SlaMetric;
import io.ticketflow.sla.calendar.BusinessCalendars;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ticketflow.sla.policies.*}: the SLA policy table. The seed values from the source
 * documents are in {@code application.yml}; every priority must be given for every metric.
 *
 * @param calendar       the business calendar working time is counted on
 * @param firstResponse  per priority, the time until an agent's first reply, e.g. {@code p1: {time: PT2H}}
 * @param resolution     per priority, the time until the ticket is resolved, e.g. {@code p3: {working-days: 3}}
 */
@ConfigurationProperties("ticketflow.sla.policies")
public record PolicyProperties(
        @DefaultValue(BusinessCalendars.DEFAULT) String calendar,
        Map<Priority, Allowance> firstResponse,
        Map<Priority, Allowance> resolution) {

    /** The checked table; a missing priority fails the start-up. */
    public PolicyTable toTable() {
        Map<SlaMetric, Map<Priority, Allowance>> allowances = new EnumMap<>(SlaMetric.class);
        allowances.put(SlaMetric.FIRST_RESPONSE, firstResponse == null ? Map.of() : firstResponse);
        allowances.put(SlaMetric.RESOLUTION, resolution == null ? Map.of() : resolution);
        return new PolicyTable(calendar, allowances);
    }
}
