package io.ticketflow.sla.escalation;

import static java.util.Objects.requireNonNull;

import io.ticketflow.events.Department;
import io.ticketflow.events.EscalationLevel;
import io.ticketflow.events.Priority;
import io.ticketflow.events.TicketType;
import io.ticketflow.sla.outbox.OutboxDocument;
import io.ticketflow.sla.outbox.PendingEvent;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What sla-service knows about a ticket beyond its clocks, for the escalation ladder: its
 * classification (from {@code ticket.lifecycle}), who owns it and who leads them (from
 * {@code ticket.routing}), its breaches and its escalation level. Facts arrive from several topics
 * in any order, so every field is filled by whichever event brings it.
 *
 * @param breaches  one key per breached clock deadline; a breach's number is its position here
 * @param level     the highest escalation level reached, or null
 * @param triggers  the escalation triggers already handled (dedupe keys)
 * @param version   optimistic lock, as for clocks
 */
@Document("tickets")
public record SlaTicket(
        @Id String ticketId,
        String ticketNo,
        TicketType type,
        Priority priority,
        Department department,
        boolean closed,
        String ownerAgentId,
        String team,
        String teamLead,
        String supervisor,
        List<Department> collaborating,
        List<String> breaches,
        EscalationLevel level,
        List<String> triggers,
        long version,
        List<PendingEvent> pendingEvents) {

    public SlaTicket {
        requireNonNull(ticketId, "ticketId");
        collaborating = collaborating == null ? List.of() : List.copyOf(collaborating);
        breaches = breaches == null ? List.of() : List.copyOf(breaches);
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
        pendingEvents = pendingEvents == null ? List.of() : List.copyOf(pendingEvents);
    }

    /** A ticket nothing is known about yet. */
    static SlaTicket blank(String ticketId, String ticketNo) {
        return new SlaTicket(ticketId, ticketNo, null, null, null, false, null, null, null, null, null, null, null, null, 0, null);
    }

    /** The outbox view. */
    OutboxDocument asOutbox() {
        return new OutboxDocument(ticketId, ticketNo, pendingEvents);
    }

    SlaTicket withVersion(long next) {
        return new SlaTicket(ticketId, ticketNo, type, priority, department, closed, ownerAgentId, team, teamLead, supervisor,
                collaborating, breaches, level, triggers, next, pendingEvents);
    }

    Draft draft() {
        return new Draft(this);
    }

    /** A mutable copy for building the next version. */
    static final class Draft {
        final String ticketId;
        String ticketNo;
        TicketType type;
        Priority priority;
        Department department;
        boolean closed;
        String ownerAgentId;
        String team;
        String teamLead;
        String supervisor;
        List<Department> collaborating;
        List<String> breaches;
        EscalationLevel level;
        List<String> triggers;
        long version;
        List<PendingEvent> pendingEvents;

        Draft(SlaTicket t) {
            ticketId = t.ticketId;
            ticketNo = t.ticketNo;
            type = t.type;
            priority = t.priority;
            department = t.department;
            closed = t.closed;
            ownerAgentId = t.ownerAgentId;
            team = t.team;
            teamLead = t.teamLead;
            supervisor = t.supervisor;
            collaborating = new java.util.ArrayList<>(t.collaborating);
            breaches = new java.util.ArrayList<>(t.breaches);
            level = t.level;
            triggers = new java.util.ArrayList<>(t.triggers);
            version = t.version;
            pendingEvents = new java.util.ArrayList<>(t.pendingEvents);
        }

        SlaTicket build() {
            return new SlaTicket(ticketId, ticketNo, type, priority, department, closed, ownerAgentId, team, teamLead, supervisor,
                    collaborating, breaches, level, triggers, version, pendingEvents);
        }
    }
}
