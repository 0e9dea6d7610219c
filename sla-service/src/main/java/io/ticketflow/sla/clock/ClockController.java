package io.ticketflow.sla.clock;

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
import org.springframework.web.bind.annotation.RestController;

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

    record TicketClocks(String ticketNo, String ticketId, List<ClockView> clocks) {
    }

    /**
     * @param budget           ISO-8601 duration, e.g. {@code PT2H}
     * @param remainingSeconds wall-clock seconds until {@code dueAt}, negative when overdue, null once stopped
     */
    record ClockView(String clockId, SlaMetric metric, ClockState state, Priority priority, String budget, TimeMode mode,
            Instant startedAt, Instant dueAt, Instant metAt, Boolean onTime, Long remainingSeconds) {

        static ClockView of(SlaClock clock, Instant now) {
            return new ClockView(clock.clockId(), clock.metric(), clock.state(), clock.priority(),
                    clock.budget() == null ? null : clock.budget().toString(), clock.mode(), clock.startedAt(),
                    clock.dueAt(), clock.metAt(), clock.onTime(), clock.remainingSecondsAt(now));
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
