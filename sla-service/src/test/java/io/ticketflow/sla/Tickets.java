package io.ticketflow.sla;

import io.ticketflow.events.CallbackCompleted;
import io.ticketflow.events.CallbackOpened;
import io.ticketflow.events.CallbackOutcome;
import io.ticketflow.events.Channel;
import io.ticketflow.events.CollaboratorAdded;
import io.ticketflow.events.CollaboratorProgressReported;
import io.ticketflow.events.EscalationLevel;
import io.ticketflow.events.EscalationRequested;
import io.ticketflow.events.HoldReason;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.TicketClosed;
import io.ticketflow.events.TicketFlag;
import io.ticketflow.events.TicketFlagged;
import io.ticketflow.events.TicketHeld;
import io.ticketflow.events.TicketInfoProvided;
import io.ticketflow.events.TicketInfoRequested;
import io.ticketflow.events.TicketReclassified;
import io.ticketflow.events.TicketResumed;
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

    public TicketCreated created(Priority priority, Instant at, TicketStatus status) {
        return new TicketCreated(ticketId, ticketNo, 1, at, Channel.WEB, "c-" + ticketId, "138****5678", false,
                "Cannot pay", "Payment fails at checkout", List.of("billing"), TicketType.FUNCTION, Nature.COMPLAINT,
                priority, Department.TECH, status, status == TicketStatus.NEEDS_INFO ? List.of("orderId") : List.of());
    }

    public TicketReplied customerReply(long sequence, Instant at) {
        return new TicketReplied(ticketId, ticketNo, sequence, at, ReplyAuthor.CUSTOMER, null, false, "Any news?");
    }

    public TicketReplied agentReply(long sequence, Instant at) {
        return new TicketReplied(ticketId, ticketNo, sequence, at, ReplyAuthor.AGENT, "agent-7", false, "Here is the answer");
    }

    public TicketHeld heldOnCustomer(long sequence, Instant at) {
        return new TicketHeld(ticketId, ticketNo, sequence, at, HoldReason.WAITING_FOR_CUSTOMER, "agent-7", "waiting for the screenshot");
    }

    public TicketResumed resumed(long sequence, Instant at) {
        return new TicketResumed(ticketId, ticketNo, sequence, at, "agent-7");
    }

    public TicketReclassified reclassified(long sequence, Instant at, Priority from, Priority to) {
        return new TicketReclassified(ticketId, ticketNo, sequence, at, TicketType.FUNCTION, Nature.COMPLAINT, to, Department.TECH,
                TicketType.FUNCTION, from, Department.TECH, "system fault confirmed", "lead-1");
    }

    public TicketClosed closed(long sequence, Instant at) {
        return new TicketClosed(ticketId, ticketNo, sequence, at, "customer satisfied", "agent-7");
    }

    public TicketFlagged publicOpinionRisk(long sequence, Instant at) {
        return new TicketFlagged(ticketId, ticketNo, sequence, at, TicketFlag.PUBLIC_OPINION_RISK, true, "posted on weibo", "lead-1");
    }

    public TicketInfoRequested infoRequested(long sequence, Instant at) {
        return new TicketInfoRequested(ticketId, ticketNo, sequence, at, List.of("orderId"));
    }

    public TicketInfoProvided infoProvided(long sequence, Instant at) {
        return new TicketInfoProvided(ticketId, ticketNo, sequence, at, List.of("orderId"), List.of(), "order 42");
    }

    public TicketAssigned assigned(Instant at) {
        return new TicketAssigned(ticketId, ticketNo, "agent-7", "payments", Department.TECH, 1, "skill-match", at, "lead-1", "sup-1");
    }

    public CollaboratorAdded collaborator(Department department, Instant at) {
        return new CollaboratorAdded(ticketId, ticketNo, department, null, "agent-7", Department.TECH, "parcel lost", "agent-7", at);
    }

    public CollaboratorProgressReported progress(Department department, boolean finished, Instant at) {
        return new CollaboratorProgressReported(ticketId, ticketNo, department, "ops-3", "searching the depot", finished, at);
    }

    public EscalationRequested escalationRequested(Instant at) {
        return new EscalationRequested(ticketId, ticketNo, EscalationLevel.MAJOR, "third-transfer", Department.TECH, "routing", at);
    }

    public CallbackOpened callbackOpened(String callbackId, Instant at, Instant dueAt) {
        return new CallbackOpened(ticketId, ticketNo, callbackId, "survey-" + callbackId, 2, "lead-1", at, dueAt, "payments");
    }

    public CallbackCompleted callbackCompleted(String callbackId, Instant openedAt, Instant at) {
        return new CallbackCompleted(ticketId, ticketNo, callbackId, "lead-1", true, null, null, "sorted", CallbackOutcome.SATISFIED,
                1, 2, "lead-1", "payments", openedAt, null, at);
    }
}
