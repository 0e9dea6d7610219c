package io.ticketflow.intake.submission;

import io.ticketflow.events.Department;
import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.TicketType;
import java.util.List;

/** The 201 answer to a submission: the ticket's id and number and what intake made of it. */
record SubmissionReceipt(String id, String ticketNo, TicketStatus status, TicketType type, Nature nature,
        Priority priority, Department department, List<String> missingInfo) {

    static SubmissionReceipt of(TicketCreated created) {
        return new SubmissionReceipt(created.ticketId(), created.ticketNo(), created.status(), created.type(),
                created.nature(), created.priority(), created.department(), created.missingInfo());
    }
}
