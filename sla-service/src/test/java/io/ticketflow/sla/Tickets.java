package io.ticketflow.sla;

import io.ticketflow.events.Channel;
import io.ticketflow.events.Department;
import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
import io.ticketflow.events.ReplyAuthor;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketReplied;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.TicketType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** A ticket as intake would describe it on ticket.lifecycle, with a fresh id and number per test. */
public record Tickets(String ticketId, String ticketNo) {

    /** A new ticket nobody has seen yet. */
    public static Tickets fresh() {
        return new Tickets(UUID.randomUUID().toString(),
                "202611-" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)));
    }

    public TicketCreated created(Priority priority, Instant at) {
        return new TicketCreated(ticketId, ticketNo, 1, at, Channel.WEB, "c-" + ticketId, "138****5678", false,
                "Cannot pay", "Payment fails at checkout", List.of("billing"), TicketType.FUNCTION, Nature.COMPLAINT,
                priority, Department.TECH, TicketStatus.NEW, List.of());
    }

    public TicketReplied agentReply(Instant at) {
        return new TicketReplied(ticketId, ticketNo, 2, at, ReplyAuthor.AGENT, "agent-7", true, "Looking into it");
    }

    public TicketReplied customerReply(Instant at) {
        return new TicketReplied(ticketId, ticketNo, 2, at, ReplyAuthor.CUSTOMER, null, false, "Any news?");
    }

    public TicketResolved resolved(Instant at) {
        return new TicketResolved(ticketId, ticketNo, 3, at, "agent-7", "Payment provider fixed", "tooling", 1);
    }
}
