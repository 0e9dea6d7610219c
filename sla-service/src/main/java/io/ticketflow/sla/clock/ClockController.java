package io.ticketflow.sla.clock;

import io.ticketflow.events.Department;
import io.ticketflow.events.Priority;
import io.ticketflow.events.SlaMetric;
import io.ticketflow.sla.calendar.TimeMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** A ticket's SLA clocks as they stand now. */
@RestController
class ClockController {

    private final SlaClocks clocks;
    private final Clock clock;

    ClockController(SlaClocks clocks, Clock clock) {
        this.clocks = clocks;
        this.clock = clock;
    }

    @GetMapping("/api/v1/sla/tickets/{ticketNo}")
    TicketClocks ticket(@PathVariable String ticketNo) {
        List<SlaClock> found = clocks.clocksOf(ticketNo);
        if (found.isEmpty()) {
            throw new UnknownTicketException(ticketNo);
        }
        Instant now = clock.instant();
        return new TicketClocks(ticketNo, found.get(0).ticketId(), found.stream().map(c -> ClockView.of(c, now)).toList());
    }

    /** Running clocks ordered by time left (overdue ones first), with the instant each breaches if nothing happens. */
    @GetMapping("/api/v1/sla/at-risk")
    List<AtRisk> atRisk(@RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit) {
        Instant now = clock.instant();
        return clocks.atRisk(limit).stream().map(c -> AtRisk.of(c, now)).toList();
    }

    record TicketClocks(String ticketNo, String ticketId, List<ClockView> clocks) {
    }

    /**
     * @param budget           ISO-8601 duration, e.g. {@code PT2H}
     * @param scope            null for the ticket's own clock; {@code emergency-handling}, a department, {@code answer:<dept>} or a callback id
     * @param pausedSeconds    wall-clock seconds the clock has stood still so far
     * @param remainingSeconds wall-clock seconds until {@code dueAt}, negative when overdue, null unless running
     * @param breached         whether the current deadline was breached
     * @param warnings         the warning thresholds: when each falls due and whether it was raised
     */
    record ClockView(String clockId, SlaMetric metric, String scope, int round, ClockState state, Priority priority, String budget,
            TimeMode mode, String calendar, Instant startedAt, Instant dueAt, Instant pausedSince, long pausedSeconds,
            Long remainingSeconds, boolean breached, List<ClockWarning> warnings, Instant metAt, Boolean onTime, Instant endedAt,
            String endReason) {

        static ClockView of(SlaClock clock, Instant now) {
            return new ClockView(clock.clockId(), clock.metric(), clock.scope(), clock.round(), clock.state(), clock.priority(),
                    clock.budget() == null ? null : clock.budget().toString(), clock.mode(), clock.calendar(), clock.startedAt(),
                    clock.dueAt(), clock.pausedSince(), clock.pausedTotal(now).toSeconds(), clock.remainingSecondsAt(now),
                    clock.dueAt().equals(clock.breachedDue()), clock.warnings(), clock.metAt(), clock.onTime(), clock.endedAt(),
                    clock.endReason());
        }
    }

    /**
     * @param predictedBreachAt when the clock breaches unless its goal is met first: its deadline
     */
    record AtRisk(String ticketNo, String ticketId, String clockId, SlaMetric metric, String scope, Priority priority,
            Department department, Instant dueAt, long remainingSeconds, Instant predictedBreachAt, boolean breached) {

        static AtRisk of(SlaClock clock, Instant now) {
            return new AtRisk(clock.ticketNo(), clock.ticketId(), clock.clockId(), clock.metric(), clock.scope(), clock.priority(),
                    clock.department(), clock.dueAt(), clock.remainingSecondsAt(now), clock.dueAt(),
                    clock.dueAt().equals(clock.breachedDue()));
        }
    }

    static final class UnknownTicketException extends ErrorResponseException {

        private static final long serialVersionUID = 1L;

        UnknownTicketException(String ticketNo) {
            super(HttpStatus.NOT_FOUND, problem(ticketNo), null);
        }

        private static ProblemDetail problem(String ticketNo) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no SLA clocks for ticket " + ticketNo);
            problem.setTitle("Unknown ticket");
            return problem;
        }
    }
}
