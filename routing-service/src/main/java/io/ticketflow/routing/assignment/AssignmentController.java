package io.ticketflow.routing.assignment;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Where a ticket stands in routing and how it got there. */
@RestController
class AssignmentController {

    private final Assignments assignments;

    AssignmentController(Assignments assignments) {
        this.assignments = assignments;
    }

    @GetMapping("/api/v1/assignments/{ticketNo}")
    AssignmentView assignment(@PathVariable String ticketNo) {
        return assignments.findByTicketNo(ticketNo).map(AssignmentView::of)
                .orElseThrow(UnknownTicketException::new);
    }

    /** Routing has not seen this ticket (yet): 404. */
    static class UnknownTicketException extends ErrorResponseException {

        private static final long serialVersionUID = 1L;

        UnknownTicketException() {
            super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "Routing knows no ticket with this number"), null);
        }
    }
}
