package io.ticketflow.analytics.timeline;

import io.swagger.v3.oas.annotations.Operation;
import io.ticketflow.analytics.facts.TicketFacts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TimelineController {

    private final TicketFacts facts;

    TimelineController(TicketFacts facts) {
        this.facts = facts;
    }

    @Operation(summary = "Every event of one ticket in order, with durations between milestones")
    @GetMapping("/api/v1/tickets/{ticketNo}/timeline")
    Timeline timeline(@PathVariable String ticketNo) {
        return facts.findByTicketNo(ticketNo).map(Timeline::of).orElseThrow(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no events for ticket " + ticketNo);
            problem.setTitle("Unknown ticket");
            return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        });
    }
}
