package io.ticketflow.routing.assignment;

import io.ticketflow.events.CollaboratorAdded;
import io.ticketflow.events.CollaboratorProgressReported;
import io.ticketflow.events.Department;
import io.ticketflow.events.EscalationLevel;
import io.ticketflow.events.EscalationRequested;
import io.ticketflow.events.EventIds;
import io.ticketflow.events.PersonalData;
import io.ticketflow.events.TicketTransferred;
import io.ticketflow.routing.agent.Agent;
import io.ticketflow.routing.agent.AgentRoster;
import io.ticketflow.routing.agent.Team;
import io.ticketflow.routing.agent.Teams;
import io.ticketflow.routing.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What people do to a ticket's routing: transfer it, override the decision, add collaborating
 * departments and report their progress, acknowledge an assignment. Every command checks first
 * and then changes the ticket's record with its events in one conditional update, so bad input
 * or a lost race changes nothing and publishes nothing.
 */
@Component
class Interventions {

    /** The transfer that asks for a MAJOR escalation: "transferred three times and still unsolved". */
    static final int ESCALATING_TRANSFER = 3;

    private static final Logger log = LoggerFactory.getLogger(Interventions.class);

    private final Assignments assignments;
    private final Dispatcher dispatcher;
    private final AgentRoster roster;
    private final Teams teams;
    private final Outbox outbox;
    private final RoutingMetrics metrics;
    private final AssignmentProperties properties;
    private final Clock clock;

    Interventions(Assignments assignments, Dispatcher dispatcher, AgentRoster roster, Teams teams, Outbox outbox,
            RoutingMetrics metrics, AssignmentProperties properties, Clock clock) {
        this.assignments = assignments;
        this.dispatcher = dispatcher;
        this.roster = roster;
        this.teams = teams;
        this.outbox = outbox;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Hands the ticket to a named agent (who must be online with room) or to a team (its best
     * member with room, else it waits for the team): {@code TicketTransferred}, then
     * {@code TicketAssigned} (reason {@code transfer}) or {@code TicketQueued}; the third transfer
     * also asks for a MAJOR escalation.
     */
    Assignment transfer(String ticketNo, Requests.Transfer request) {
        Assignment ticket = open(ticketNo, "transferred");
        Instant now = now();
        Department toDepartment;
        if (request.toAgentId() != null) {
            Agent agent = availableAgent(request.toAgentId(), "toAgentId", ticket);
            toDepartment = agent.department();
        } else {
            Optional<Team> team = teams.find(request.toTeam());
            List<Agent> members = roster.members(request.toTeam());
            if (team.isEmpty() && members.isEmpty()) {
                throw RoutingProblems.invalid("toTeam", "no team with this id");
            }
            toDepartment = team.map(Team::department).filter(Objects::nonNull)
                    .orElse(members.isEmpty() ? ticket.department() : members.get(0).department());
        }
        int count = ticket.transferCount() + 1;
        String reason = request.reason().strip();
        UUID transferredId = EventIds.of("ticket-transferred", ticket.ticketId(), count);
        TicketTransferred transferred = new TicketTransferred(ticket.ticketId(), ticket.ticketNo(), ticket.agentId(),
                request.toAgentId(), request.toTeam(), ticket.department(), toDepartment, reason, count, request.by(), now);
        Update change = new Update()
                .set("transferCount", count)
                .set("department", toDepartment.name())
                .set("targetAgentId", request.toAgentId())
                .set("targetTeam", request.toTeam())
                .set("nextReason", "transfer")
                .unset("excludedAgentId")
                .unset("preferredAgentId")
                .push("history", Assignments.history(now, "TRANSFERRED",
                        request.toAgentId() != null ? request.toAgentId() : request.toTeam(), reason, request.by()));
        List<Object> pending = new ArrayList<>();
        pending.add(Outbox.pending(transferredId, transferred));
        UUID escalationId = null;
        if (count == ESCALATING_TRANSFER) {
            escalationId = EventIds.of("escalation-requested", ticket.ticketId(), "third-transfer");
            pending.add(Outbox.pending(escalationId, new EscalationRequested(ticket.ticketId(),
                    ticket.ticketNo(), EscalationLevel.MAJOR, "third-transfer", toDepartment, request.by(), now)));
        }
        // one $push with $each: two pushes to one field in one Update would keep only the last
        change.push(Outbox.FIELD).each(pending.toArray());
        String owner = UUID.randomUUID().toString();
        Assignment taken = assignments.takeOver(ticket, owner, now, properties.claimLease(), change)
                .orElseThrow(() -> RoutingProblems.conflict("The ticket changed while being transferred; retry"));
        metrics.transferred(toDepartment);
        log.info("ticket transferred ticketNo={} from={} toAgent={} toTeam={} count={} by={} event={}", ticket.ticketNo(),
                ticket.agentId(), request.toAgentId(), request.toTeam(), count, request.by(), transferredId);
        if (escalationId != null) {
            log.info("escalation requested ticketNo={} level=MAJOR trigger=third-transfer event={}", ticket.ticketNo(), escalationId);
        }
        dispatcher.moveOn(ticket, taken, owner);
        return current(ticket);
    }

    /** A supervisor gives the ticket to an agent regardless of the skill match (the agent must be online with room). */
    Assignment override(String ticketNo, Requests.SupervisorOverride request) {
        Assignment ticket = open(ticketNo, "overridden");
        availableAgent(request.agentId(), "agentId", ticket);
        Instant now = now();
        String reason = request.reason().strip();
        Update change = new Update()
                .set("targetAgentId", request.agentId())
                .set("nextReason", "override")
                .unset("excludedAgentId")
                .unset("preferredAgentId")
                .unset("targetTeam")
                .push("history", Assignments.history(now, "OVERRIDDEN", request.agentId(), reason, request.by()));
        String owner = UUID.randomUUID().toString();
        Assignment taken = assignments.takeOver(ticket, owner, now, properties.claimLease(), change)
                .orElseThrow(() -> RoutingProblems.conflict("The ticket changed while being overridden; retry"));
        log.info("assignment overridden ticketNo={} from={} to={} by={}", ticket.ticketNo(), ticket.agentId(),
                request.agentId(), request.by());
        dispatcher.moveOn(ticket, taken, owner);
        return current(ticket);
    }

    /** A department joins a cross-team ticket; the primary owner stays. */
    Assignment addCollaborator(String ticketNo, Requests.Collaborator request) {
        Assignment ticket = open(ticketNo, "given collaborators");
        if (request.team() != null && teams.find(request.team()).isEmpty() && roster.members(request.team()).isEmpty()) {
            throw RoutingProblems.invalid("team", "no team with this id");
        }
        if (request.department() == ticket.department()) {
            throw RoutingProblems.conflict("The department owns the ticket; it cannot also collaborate");
        }
        if (ticket.collaborator(request.department()).isPresent()) {
            throw RoutingProblems.conflict("The department already collaborates on this ticket");
        }
        Instant now = now();
        String reason = request.reason().strip();
        UUID eventId = EventIds.of("collaborator-added", ticket.ticketId(), request.department().name());
        CollaboratorAdded added = new CollaboratorAdded(ticket.ticketId(), ticket.ticketNo(), request.department(),
                request.team(), ticket.agentId(), ticket.department(), reason, request.by(), now);
        Assignment.Collaborator collaborator = new Assignment.Collaborator(request.department(), request.team(), reason,
                request.by(), now, 0, null, false);
        if (!assignments.addCollaborator(ticket, collaborator, eventId, added)) {
            throw RoutingProblems.conflict("The department already collaborates on this ticket");
        }
        log.info("collaborator added ticketNo={} department={} team={} by={} event={}", ticket.ticketNo(),
                request.department(), request.team(), request.by(), eventId);
        outbox.flush(Assignment.COLLECTION, ticket.ticketId());
        return current(ticket);
    }

    /** A collaborating department reports progress; {@code finished} ends its part. */
    Assignment reportProgress(String ticketNo, String departmentName, Requests.Progress request) {
        Assignment ticket = assignments.findByTicketNo(ticketNo).orElseThrow(RoutingProblems::unknownTicket);
        Department department;
        try {
            department = Department.of(departmentName);
        } catch (IllegalArgumentException e) {
            throw RoutingProblems.notFound("No department " + departmentName + "; use one of "
                    + List.of(Department.values()));
        }
        Assignment.Collaborator before = ticket.collaborator(department)
                .orElseThrow(() -> RoutingProblems.notFound("The department does not collaborate on this ticket"));
        if (before.finished()) {
            throw RoutingProblems.conflict("The department already finished its part");
        }
        Instant now = now();
        int report = before.reports() + 1;
        Assignment.Collaborator after = new Assignment.Collaborator(department, before.team(), before.reason(),
                before.addedBy(), before.addedAt(), report, now, request.finished());
        UUID eventId = EventIds.of("collaborator-progress", ticket.ticketId(), department.name(), report);
        CollaboratorProgressReported reported = new CollaboratorProgressReported(ticket.ticketId(), ticket.ticketNo(),
                department, request.by(), PersonalData.maskText(request.note().strip()), request.finished(), now);
        if (!assignments.reportProgress(ticket, before, after, eventId, reported)) {
            throw RoutingProblems.conflict("Another progress report was recorded at the same time; retry");
        }
        log.info("collaborator progress ticketNo={} department={} finished={} by={} event={}", ticket.ticketNo(),
                department, request.finished(), request.by(), eventId);
        outbox.flush(Assignment.COLLECTION, ticket.ticketId());
        return current(ticket);
    }

    /** The owner acknowledges a new assignment, which counts as the first touch. */
    Assignment acknowledge(String ticketNo, Requests.Acknowledgement request) {
        Assignment ticket = assignments.findByTicketNo(ticketNo).orElseThrow(RoutingProblems::unknownTicket);
        if (ticket.status() != AssignmentStatus.ASSIGNED) {
            throw RoutingProblems.conflict("The ticket is not assigned to anyone now");
        }
        String agentId = request == null ? null : request.agentId();
        if (agentId != null && !agentId.equals(ticket.agentId())) {
            throw RoutingProblems.conflict("The ticket is assigned to another agent");
        }
        dispatcher.touch(UUID.randomUUID(), ticket.ticketId(), ticket.agentId(), "acknowledged");
        return current(ticket);
    }

    private Assignment open(String ticketNo, String what) {
        Assignment ticket = assignments.findByTicketNo(ticketNo).orElseThrow(RoutingProblems::unknownTicket);
        if (ticket.status() == AssignmentStatus.RELEASED) {
            throw RoutingProblems.conflict("The ticket is resolved or closed and cannot be " + what + "; reopen it first");
        }
        return ticket;
    }

    private Agent availableAgent(String agentId, String field, Assignment ticket) {
        Agent agent = roster.find(agentId).orElseThrow(() -> RoutingProblems.invalid(field, "no agent with this id"));
        if (agentId.equals(ticket.agentId())) {
            throw RoutingProblems.conflict("The ticket is already assigned to agent " + agentId);
        }
        if (!agent.online()) {
            throw RoutingProblems.conflict("Agent " + agentId + " is " + agent.presence() + ", not ONLINE");
        }
        if (!agent.fits(dispatcher.weightOf(ticket.priority()))) {
            throw RoutingProblems.conflict("Agent " + agentId + " has no free capacity for a " + ticket.priority() + " ticket");
        }
        return agent;
    }

    private Assignment current(Assignment ticket) {
        return assignments.find(ticket.ticketId()).orElseThrow(RoutingProblems::unknownTicket);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
