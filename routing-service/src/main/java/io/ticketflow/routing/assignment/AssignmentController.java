package io.ticketflow.routing.assignment;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where a ticket stands in routing, how it got there, and what people may do about it. */
@RestController
@RequestMapping("/api/v1/assignments/{ticketNo}")
class AssignmentController {

    private final Assignments assignments;
    private final Interventions interventions;

    AssignmentController(Assignments assignments, Interventions interventions) {
        this.assignments = assignments;
        this.interventions = interventions;
    }

    @GetMapping
    AssignmentView assignment(@PathVariable String ticketNo) {
        return assignments.findByTicketNo(ticketNo).map(AssignmentView::of).orElseThrow(RoutingProblems::unknownTicket);
    }

    @PostMapping("/transfer")
    AssignmentView transfer(@PathVariable String ticketNo, @Valid @RequestBody Requests.Transfer request) {
        return AssignmentView.of(interventions.transfer(ticketNo, request));
    }

    @PostMapping("/override")
    AssignmentView override(@PathVariable String ticketNo, @Valid @RequestBody Requests.SupervisorOverride request) {
        return AssignmentView.of(interventions.override(ticketNo, request));
    }

    @PostMapping("/collaborators")
    AssignmentView collaborator(@PathVariable String ticketNo, @Valid @RequestBody Requests.Collaborator request) {
        return AssignmentView.of(interventions.addCollaborator(ticketNo, request));
    }

    @PostMapping("/collaborators/{department}/progress")
    AssignmentView progress(@PathVariable String ticketNo, @PathVariable String department,
            @Valid @RequestBody Requests.Progress request) {
        return AssignmentView.of(interventions.reportProgress(ticketNo, department, request));
    }

    @PostMapping("/acknowledgement")
    AssignmentView acknowledgement(@PathVariable String ticketNo,
            @Valid @RequestBody(required = false) Requests.Acknowledgement request) {
        return AssignmentView.of(interventions.acknowledge(ticketNo, request));
    }
}
