package io.ticketflow.sla.policy;

import io.ticketflow.events.Priority;
import io.ticketflow.events.SlaMetric;
import io.ticketflow.sla.calendar.BusinessCalendar;
import io.ticketflow.sla.calendar.BusinessCalendars;
import io.ticketflow.sla.calendar.TimeMode;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The effective policy table, read-only. */
@RestController
class PolicyController {

    private final PolicyTable table;
    private final BusinessCalendar calendar;

    PolicyController(PolicyTable table, BusinessCalendars calendars) {
        this.table = table;
        this.calendar = calendars.get(table.calendar());
    }

    @GetMapping("/api/v1/sla/policies")
    PolicyTableView policies() {
        return new PolicyTableView(table.calendar(), table.all().stream()
                .map(policy -> new PolicyView(policy.metric(), policy.priority(),
                        policy.allowance().budgetOn(calendar).toString(), policy.allowance().workingDays(),
                        policy.allowance().mode()))
                .toList());
    }

    /**
     * @param calendar the business calendar working time is counted on
     * @param policies one entry per metric and priority
     */
    record PolicyTableView(String calendar, List<PolicyView> policies) {
    }

    /**
     * @param budget      the allowance as a duration on the policy calendar, e.g. {@code PT9H} for one working day
     * @param workingDays the allowance in working days, or null when it is a plain duration
     */
    record PolicyView(SlaMetric metric, Priority priority, String budget, Integer workingDays, TimeMode mode) {
    }
}
