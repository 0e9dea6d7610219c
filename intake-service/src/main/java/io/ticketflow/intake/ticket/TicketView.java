package io.ticketflow.intake.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ticketflow.events.Channel;
import io.ticketflow.events.Department;
import io.ticketflow.events.HoldReason;
import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
import io.ticketflow.events.TicketFlag;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.TicketType;
import io.ticketflow.intake.classification.ClassifiedBy;
import java.time.Instant;
import java.util.List;

/**
 * A ticket as the API shows it. The contact is always the masked one; lists show without
 * {@code history}.
 */
public record TicketView(
        String id,
        String ticketNo,
        TicketStatus status,
        Channel channel,
        String customerId,
        String contact,
        String subject,
        String description,
        List<String> tags,
        TicketType type,
        Nature nature,
        Priority priority,
        Department department,
        boolean vip,
        List<String> missingInfo,
        String assignee,
        Instant createdAt,
        Instant firstRespondedAt,
        Instant resolvedAt,
        HoldReason holdReason,
        List<String> providedInfo,
        Instant closedAt,
        int reopens,
        String preferredAgentId,
        long version,
        ClassifiedBy classifiedBy,
        String repeatOf,
        List<TicketFlag> flags,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Event> history) {

    /**
     * One entry of the ticket's history: what happened, when, its event id, the status before
     * and after, who did it, why, and further facts (all masked). Absent parts are left out.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(String event, Instant at, String eventId, TicketStatus from, TicketStatus to, String by,
            String reason, String detail) {
    }

    static TicketView of(Ticket ticket) {
        return of(ticket, true);
    }

    static TicketView summaryOf(Ticket ticket) {
        return of(ticket, false);
    }

    private static TicketView of(Ticket ticket, boolean withHistory) {
        return new TicketView(ticket.id(), ticket.ticketNo(), ticket.status(), ticket.channel(), ticket.customerId(),
                ticket.contactMasked(), ticket.subject(), ticket.description(), ticket.tags(), ticket.type(),
                ticket.nature(), ticket.priority(), ticket.department(), ticket.vip(), ticket.missingInfo(),
                ticket.assignee(), ticket.createdAt(), ticket.firstRespondedAt(), ticket.resolvedAt(), ticket.holdReason(),
                ticket.providedInfo(), ticket.closedAt(), ticket.reopens(), ticket.preferredAgentId(), ticket.version(),
                ticket.classification(), ticket.repeatOf(), ticket.flags(),
                withHistory ? ticket.history().stream().map(h -> new Event(h.event(), h.at(), h.eventId(), h.from(), h.to(),
                        h.by(), h.reason(), h.detail())).toList() : null);
    }
}
