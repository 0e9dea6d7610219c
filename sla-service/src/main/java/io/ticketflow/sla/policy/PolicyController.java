package io.ticketflow.sla.policy;

import io.ticketflow.events.Priority;
import io.ticketflow.events.SlaMetric;
import io.ticketflow.sla.calendar.BusinessCalendar;
import io.ticketflow.sla.calendar.BusinessCalendars;
import io.ticketflow.sla.calendar.TimeMode;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The policy table in force; {@code PUT} replaces it as a whole, in the configuration's shape
 * (every priority of first response and resolution required; the other entries fall back to the
 * shipped defaults). The table is stored, so it survives restarts; instances read it at start-up.
 * New clocks use the new table; running clocks keep their deadline until the ticket is reclassified.
 */
@RestController
class PolicyController {

    private static final Logger log = LoggerFactory.getLogger(PolicyController.class);

    private final PolicyBook book;
    private final BusinessCalendars calendars;

    private final MongoTemplate mongo;

    PolicyController(PolicyBook book, BusinessCalendars calendars, MongoTemplate mongo) {
        this.book = book;
        this.calendars = calendars;
        this.mongo = mongo;
    }

    @GetMapping("/api/v1/sla/policies")
    PolicyTableView policies() {
        return PolicyTableView.of(book.current(), calendars);
    }

    @PutMapping("/api/v1/sla/policies")
    PolicyTableView replace(@RequestBody PolicyProperties proposed) {
        PolicyTable table;
        try {
            table = proposed.toTable();
        } catch (IllegalArgumentException e) {
            throw new InvalidPolicyException(e.getMessage());
        }
        if (calendars.find(table.calendar()).isEmpty()) {
            throw new InvalidPolicyException("calendar names no configured calendar: " + table.calendar());
        }
        mongo.save(new EditedPolicies(EditedPolicies.ID, proposed));
        book.replace(table);
        log.info("sla policy table replaced calendar={} policies={}", table.calendar(), table.all().size());
        return PolicyTableView.of(table, calendars);
    }

    /**
     * @param calendar the business calendar working time is counted on
     * @param policies one entry per metric and priority (priority null: any), and scoped milestones
     */
    record PolicyTableView(String calendar, List<PolicyView> policies) {

        static PolicyTableView of(PolicyTable table, BusinessCalendars calendars) {
            BusinessCalendar calendar = calendars.get(table.calendar());
            return new PolicyTableView(table.calendar(), table.all().stream()
                    .map(policy -> new PolicyView(policy.metric(), policy.priority(), policy.scope(),
                            policy.allowance().budgetOn(calendar).toString(), policy.allowance().workingDays(),
                            policy.allowance().mode()))
                    .toList());
        }
    }

    /**
     * @param scope       null, {@code emergency-handling} (P0 milestone) or {@code answer:<department>}
     * @param budget      the allowance as a duration on the policy calendar, e.g. {@code PT9H} for one working day
     * @param workingDays the allowance in working days, or null when it is a plain duration
     */
    record PolicyView(SlaMetric metric, Priority priority, String scope, String budget, Integer workingDays, TimeMode mode) {
    }

    static final class InvalidPolicyException extends ErrorResponseException {

        private static final long serialVersionUID = 1L;

        InvalidPolicyException(String detail) {
            super(HttpStatus.BAD_REQUEST, problem(detail), null);
        }

        private static ProblemDetail problem(String detail) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
            problem.setTitle("Invalid policy table");
            return problem;
        }
    }
}
