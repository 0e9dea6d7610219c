package io.ticketflow.routing.assignment;

import io.ticketflow.events.Department;
import io.ticketflow.events.EventIds;
import io.ticketflow.events.Presence;
import io.ticketflow.events.ReassignReason;
import io.ticketflow.events.TicketClosed;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketReassigned;
import io.ticketflow.events.TicketReclassified;
import io.ticketflow.events.TicketReopened;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.SlaMetric;
import io.ticketflow.routing.agent.Agent;
import io.ticketflow.routing.agent.AgentAvailable;
import io.ticketflow.routing.agent.AgentRoster;
import io.ticketflow.routing.agent.AgentWentOffline;
import io.ticketflow.routing.agent.Teams;
import io.ticketflow.routing.outbox.Outbox;
import io.ticketflow.routing.queue.QueueOrder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Smart dispatch: puts arriving tickets with the best available agent or in the queue, serves the
 * queue whenever capacity appears, and moves tickets away from agents who went offline or did not
 * touch them in time.
 * <p>
 * Every decision about one ticket follows the same steps, each safe to redo after a crash:
 * <ol>
 * <li>claim the waiting ticket's record for a short lease (one worker at a time per ticket);</li>
 * <li>if an agent already holds a reservation for it (a crash after step 3), keep that agent,
 * otherwise reserve weighted capacity on the best candidate with one conditional update;</li>
 * <li>record the decision and its event in the ticket's record, with an id derived from the
 * ticket and the assignment number, then publish it (or, with no agent, give the claim back
 * and announce the wait once).</li>
 * </ol>
 * Taking a ticket from an agent (reassignment, transfer, override, reclassification) first turns
 * the record into a claimed wait with its events in one conditional update, then gives the old
 * agent's capacity back, then decides as above.
 */
@Component
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int RELEASE_ATTEMPTS = 5;
    private static final Comparator<Assignment> SERVING_ORDER = Comparator.comparing(Assignment::waiting, QueueOrder.FIRST_SERVED);

    private final Assignments assignments;
    private final AgentRoster roster;
    private final Teams teams;
    private final Outbox outbox;
    private final RoutingMetrics metrics;
    private final AssignmentProperties properties;
    private final CapacityProperties capacity;
    private final DepartmentProperties departments;
    private final Relaxation relaxation;
    private final SkillMatch skillMatch;
    private final Clock clock;

    Dispatcher(Assignments assignments, AgentRoster roster, Teams teams, Outbox outbox, RoutingMetrics metrics,
            AssignmentProperties properties, CapacityProperties capacity, DepartmentProperties departments,
            RelaxationProperties relaxation, Clock clock) {
        this.assignments = assignments;
        this.roster = roster;
        this.teams = teams;
        this.outbox = outbox;
        this.metrics = metrics;
        this.properties = properties;
        this.capacity = capacity;
        this.departments = departments;
        this.relaxation = new Relaxation(relaxation);
        this.skillMatch = new SkillMatch(relaxation.minProficiency());
        this.clock = clock;
    }

    /** A new ticket: record it as waiting (once, whatever the event id) and try to assign it. */
    public void route(UUID eventId, TicketCreated created) {
        Department department = departments.owning(created);
        if (assignments.open(created, department, now())) {
            log.info("ticket received ticketNo={} department={} priority={} tags={} event={}", created.ticketNo(),
                    department, created.priority(), created.tags().size(), eventId);
        } else {
            log.debug("ticket already known ticketNo={} event={}", created.ticketNo(), eventId);
        }
        attempt(created.ticketId());
    }

    /** A resolved ticket: give the agent's capacity back and let that agent take the next waiting ticket. */
    public void release(UUID eventId, TicketResolved resolved) {
        release(eventId, resolved.ticketId(), resolved.ticketNo(), "resolved");
    }

    /** A closed ticket frees its agent like a resolved one; closing a resolved ticket changes nothing. */
    public void release(UUID eventId, TicketClosed closed) {
        release(eventId, closed.ticketId(), closed.ticketNo(), "closed");
    }

    private void release(UUID eventId, String ticketId, String ticketNo, String why) {
        for (int attempt = 0; attempt < RELEASE_ATTEMPTS; attempt++) {
            Optional<Assignment> found = assignments.find(ticketId);
            if (found.isEmpty()) {
                log.info("{} ticket unknown to routing ticketNo={} event={}", why, ticketNo, eventId);
                return;
            }
            Assignment ticket = found.get();
            if (ticket.status() == AssignmentStatus.RELEASED || assignments.markReleased(ticket, now(), why)) {
                if (ticket.status() != AssignmentStatus.RELEASED) {
                    log.info("ticket released ticketNo={} agent={} reason={} event={}", ticket.ticketNo(), ticket.agentId(),
                            why, eventId);
                }
                if (ticket.agentId() != null) {
                    // conditional on the agent still holding the ticket: a redo releases nothing twice
                    roster.release(ticket.agentId(), ticket.ticketId(), ticket.ticketNo());
                    pullFor(ticket.agentId());
                }
                return;
            }
        }
        throw new IllegalStateException("ticket " + ticketNo + " kept changing while being released");
    }

    /**
     * A reopened ticket goes back to the preferred agent (or its previous owner) when they are
     * online with room, otherwise it waits ahead of the other tickets of its priority. A reopen
     * number already applied changes nothing.
     */
    public void reopen(UUID eventId, TicketReopened reopened) {
        Optional<Assignment> found = assignments.find(reopened.ticketId());
        if (found.isEmpty()) {
            log.info("reopened ticket unknown to routing ticketNo={} event={}", reopened.ticketNo(), eventId);
            return;
        }
        Assignment ticket = found.get();
        if (ticket.reopenNo() >= reopened.reopenNo()) {
            log.debug("reopen already applied ticketNo={} reopenNo={} event={}", ticket.ticketNo(), reopened.reopenNo(), eventId);
            return;
        }
        if (ticket.status() != AssignmentStatus.RELEASED) {
            assignments.rememberReopen(ticket.ticketId(), reopened.reopenNo());
            log.info("reopen of a ticket still open, owner kept ticketNo={} event={}", ticket.ticketNo(), eventId);
            return;
        }
        String preferred = reopened.preferredAgentId() != null ? reopened.preferredAgentId() : ticket.agentId();
        String owner = UUID.randomUUID().toString();
        Optional<Assignment> claimed = assignments.reopen(ticket, owner, reopened.reopenNo(), preferred, reopened.reason(),
                now(), properties.claimLease());
        if (claimed.isPresent()) {
            log.info("ticket reopened ticketNo={} preferredAgent={} reopenNo={} event={}", ticket.ticketNo(), preferred,
                    reopened.reopenNo(), eventId);
            decide(claimed.get(), owner);
        }
    }

    /**
     * A new priority or department. A waiting ticket simply waits in the new queue; an assigned
     * one keeps its agent when the agent belongs to the new department (or the department did
     * not change), otherwise it is routed anew in the new department.
     */
    public void reclassify(UUID eventId, TicketReclassified reclassified) {
        Optional<Assignment> found = assignments.find(reclassified.ticketId());
        if (found.isEmpty()) {
            log.info("reclassified ticket unknown to routing ticketNo={} event={}", reclassified.ticketNo(), eventId);
            return;
        }
        Assignment ticket = found.get();
        boolean moved = ticket.department() != reclassified.department();
        if (!moved && ticket.priority() == reclassified.priority()) {
            return;
        }
        Instant now = now();
        boolean ownerStays = ticket.status() != AssignmentStatus.ASSIGNED || !moved
                || roster.find(ticket.agentId()).map(a -> a.department() == reclassified.department()).orElse(false);
        if (ownerStays) {
            if (assignments.reclassify(ticket, reclassified.priority(), reclassified.department(), reclassified.reason(),
                    reclassified.changedBy(), now)) {
                log.info("ticket reclassified ticketNo={} department={} priority={} event={}", ticket.ticketNo(),
                        reclassified.department(), reclassified.priority(), eventId);
                if (ticket.status() == AssignmentStatus.QUEUED) {
                    attempt(ticket.ticketId());
                }
            }
            return;
        }
        Update change = new Update()
                .set("priority", reclassified.priority().name())
                .set("priorityRank", reclassified.priority().ordinal())
                .set("department", reclassified.department().name())
                .set("nextReason", "reclassified")
                .push("history", Assignments.history(now, "RECLASSIFIED", ticket.agentId(), reclassified.reason(),
                        reclassified.changedBy()));
        String owner = UUID.randomUUID().toString();
        assignments.takeOver(ticket, owner, now, properties.claimLease(), change).ifPresent(taken -> {
            log.info("ticket moved to another department ticketNo={} from={} to={} event={}", ticket.ticketNo(),
                    ticket.department(), reclassified.department(), eventId);
            moveOn(ticket, taken, owner);
        });
    }

    /** The SLA due time of a ticket's first response or resolution, which orders the queue. */
    public void due(UUID eventId, String ticketId, String ticketNo, SlaMetric metric, Instant dueAt) {
        if (metric != SlaMetric.FIRST_RESPONSE && metric != SlaMetric.RESOLUTION) {
            return;
        }
        assignments.due(ticketId, metric, dueAt);
        log.debug("sla due time noted ticketNo={} metric={} dueAt={} event={}", ticketNo, metric, dueAt, eventId);
    }

    /**
     * The agent touched the ticket (replied, held it, asked the customer for information, or
     * acknowledged it): the first-touch deadline is lifted.
     */
    public boolean touch(UUID eventId, String ticketId, @Nullable String agentId, String how) {
        boolean touched = assignments.touch(ticketId, agentId, now(), how);
        if (touched) {
            log.info("assignment touched ticketId={} agent={} how={} event={}", ticketId, agentId, how, eventId);
        }
        return touched;
    }

    /** Capacity may have appeared for an agent: serve the waiting tickets they qualify for. */
    @EventListener
    void on(AgentAvailable available) {
        try {
            pullFor(available.agentId());
        } catch (RuntimeException e) {
            log.warn("waiting tickets not pulled for agent={}, the sweep retries cause={}", available.agentId(),
                    e.getClass().getSimpleName());
        }
    }

    /** An agent went offline: every ticket they hold goes to someone else (or back to the queue). */
    @EventListener
    void on(AgentWentOffline offline) {
        try {
            reassignAllOf(offline.agentId());
        } catch (RuntimeException e) {
            log.warn("tickets of offline agent={} not reassigned yet, the sweep retries cause={}", offline.agentId(),
                    e.getClass().getSimpleName());
        }
    }

    private void reassignAllOf(String agentId) {
        for (Assignment ticket : assignments.assignedTo(agentId)) {
            reassign(ticket, ReassignReason.AGENT_OFFLINE);
        }
    }

    /** Assignments nobody touched within the first-touch window go to someone else. */
    void reassignUntouched() {
        for (Assignment ticket : assignments.firstTouchOverdue(now(), properties.pullBatch())) {
            reassign(ticket, ReassignReason.FIRST_TOUCH_TIMEOUT);
        }
    }

    /**
     * Takes the ticket from its agent with {@code TicketReassigned}, then routes it again; after a
     * missed first touch the same agent is not chosen again for this wait.
     */
    void reassign(Assignment ticket, ReassignReason reason) {
        if (ticket.status() != AssignmentStatus.ASSIGNED || ticket.agentId() == null) {
            return;
        }
        Instant now = now();
        UUID eventId = EventIds.of("ticket-reassigned", ticket.ticketId(), ticket.assignmentNo());
        TicketReassigned reassigned = new TicketReassigned(ticket.ticketId(), ticket.ticketNo(), ticket.agentId(), reason,
                ticket.department(), now);
        Update change = new Update()
                .set("nextReason", "reassigned")
                .push("history", Assignments.history(now, "REASSIGNED", ticket.agentId(), reason.name(), null))
                .push(Outbox.FIELD, Outbox.pending(eventId, reassigned));
        if (reason == ReassignReason.FIRST_TOUCH_TIMEOUT) {
            change.set("excludedAgentId", ticket.agentId());
        }
        String owner = UUID.randomUUID().toString();
        assignments.takeOver(ticket, owner, now, properties.claimLease(), change).ifPresent(taken -> {
            metrics.reassigned(reason);
            log.info("ticket reassigned ticketNo={} from={} reason={} event={}", ticket.ticketNo(), ticket.agentId(),
                    reason, eventId);
            moveOn(ticket, taken, owner);
        });
    }

    /**
     * After {@link Assignments#takeOver}: give the previous agent's capacity back, decide anew
     * with the claim, and let the previous agent take other waiting work.
     */
    void moveOn(Assignment before, Assignment taken, String owner) {
        if (before.agentId() != null) {
            roster.release(before.agentId(), before.ticketId(), before.ticketNo());
        }
        decide(taken, owner);
        if (before.agentId() != null) {
            pullFor(before.agentId());
        }
    }

    /**
     * Offers the agent's free capacity to the waiting tickets they qualify for, in serving order.
     * Each ticket still goes to its best candidate, which may be another agent who became free at
     * the same time.
     */
    public void pullFor(String agentId) {
        Optional<Agent> agent = roster.find(agentId).filter(Agent::online).filter(Agent::hasFreeCapacity);
        if (agent.isEmpty()) {
            return;
        }
        Instant now = now();
        List<Assignment> waiting = assignments.waitingFor(agent.get(), properties.pullBatch()).stream()
                .sorted(SERVING_ORDER)
                .toList();
        for (Assignment ticket : waiting) {
            if (candidates(ticket, List.of(agent.get()), now).isEmpty()) {
                continue;
            }
            attempt(ticket.ticketId());
            agent = roster.find(agentId).filter(Agent::online).filter(Agent::hasFreeCapacity);
            if (agent.isEmpty()) {
                return;
            }
        }
    }

    /**
     * The safety net behind the event-driven path, also what recovers after a restart: retries
     * tickets whose claim was abandoned (a worker crashed mid-decision), moves the tickets of
     * agents who are offline but still hold some, and offers every available agent's capacity
     * to the queue (which also applies the relaxation steps reached meanwhile).
     */
    void sweep() {
        for (String ticketId : assignments.abandonedClaims(now(), properties.pullBatch())) {
            log.info("retrying abandoned decision ticketId={}", ticketId);
            attempt(ticketId);
        }
        for (Agent agent : roster.offlineHoldingTickets()) {
            reassignAllOf(agent.agentId());
        }
        for (Agent agent : roster.available()) {
            pullFor(agent.agentId());
        }
    }

    /** One decision about one ticket; does nothing unless the ticket waits and nobody else decides about it. */
    void attempt(String ticketId) {
        String owner = UUID.randomUUID().toString();
        Optional<Assignment> claimed = assignments.claim(ticketId, owner, now(), properties.claimLease());
        if (claimed.isEmpty()) {
            log.debug("no decision needed or another worker decides ticketId={}", ticketId);
            return;
        }
        decide(claimed.get(), owner);
    }

    /** With the claim held: assign to the best candidate or leave the ticket waiting. */
    void decide(Assignment ticket, String owner) {
        Optional<Candidate> decision = reservationHeld(ticket).or(() -> reserveBest(ticket));
        if (decision.isPresent()) {
            assign(ticket, owner, decision.get());
        } else {
            assignments.leaveWaiting(ticket, owner, now()).ifPresent(eventId -> {
                log.info("ticket queued ticketNo={} department={} priority={} event={}", ticket.ticketNo(),
                        ticket.department(), ticket.priority(), eventId);
                outbox.flush(Assignment.COLLECTION, ticket.ticketId());
            });
        }
    }

    /**
     * A reservation made before a crash, reused so the redo reaches the same decision; one still
     * held by the agent the ticket was just taken from is given back instead.
     */
    private Optional<Candidate> reservationHeld(Assignment ticket) {
        Optional<Agent> holder = roster.holderOf(ticket.ticketId());
        if (holder.isPresent() && holder.get().agentId().equals(ticket.movedFromAgentId())) {
            roster.release(holder.get().agentId(), ticket.ticketId(), ticket.ticketNo());
            return Optional.empty();
        }
        return holder.map(agent -> skillMatch.assess(ticket.routable(), agent)
                .orElseGet(() -> new Candidate(agent, SkillMatch.RESERVATION_RECOVERED, false,
                        agent.department() == ticket.department(), 0)));
    }

    private Optional<Candidate> reserveBest(Assignment ticket) {
        int weight = capacity.weightOf(ticket.priority());
        for (Candidate candidate : candidates(ticket, roster.available(), now())) {
            if (roster.reserve(candidate.agent().agentId(), ticket.ticketId(), ticket.ticketNo(), weight)) {
                return Optional.of(candidate);
            }
            log.debug("candidate became unavailable agent={} ticketNo={}", candidate.agent().agentId(), ticket.ticketNo());
        }
        return Optional.empty();
    }

    /**
     * Who may take this waiting ticket now, best first: the agent it was transferred to (only
     * them); else, among online agents with room for its weight, members of the team it was
     * transferred to, never the agent who just missed its first touch; the preferred agent of a
     * reopen first; then by skill match under the relaxation level reached.
     */
    List<Candidate> candidates(Assignment ticket, List<Agent> agents, Instant now) {
        int weight = capacity.weightOf(ticket.priority());
        Stream<Agent> pool = agents.stream().filter(Agent::online).filter(a -> a.fits(weight));
        if (ticket.targetAgentId() != null) {
            return pool.filter(a -> a.agentId().equals(ticket.targetAgentId()))
                    .map(a -> new Candidate(a, "transfer", false, a.department() == ticket.department(), 0))
                    .toList();
        }
        List<Agent> allowed = pool
                .filter(a -> ticket.targetTeam() == null || ticket.targetTeam().equals(a.team()))
                .filter(a -> !a.agentId().equals(ticket.excludedAgentId()))
                .toList();
        if (ticket.preferredAgentId() != null) {
            Optional<Agent> preferred = allowed.stream().filter(a -> a.agentId().equals(ticket.preferredAgentId())).findFirst();
            if (preferred.isPresent()) {
                return List.of(new Candidate(preferred.get(), "reopen", false, true, 0));
            }
        }
        if (ticket.targetTeam() != null) {
            // a transfer to a team: any member may take it, the best skilled first
            return allowed.stream()
                    .map(a -> skillMatch.assess(ticket.routable(), a, relaxation.requirement(Integer.MAX_VALUE / 2))
                            .orElseGet(() -> new Candidate(a, "transfer", false, a.department() == ticket.department(), 0)))
                    .sorted(Comparator.comparing(Candidate::score).reversed().thenComparingInt(c -> c.agent().load()))
                    .toList();
        }
        int level = relaxation.level(ticket.queuedAt(), ticket.dueAt(), now);
        return skillMatch.rank(ticket.routable(), allowed, relaxation.requirement(level));
    }

    private void assign(Assignment ticket, String owner, Candidate decision) {
        Instant now = now();
        String agentId = decision.agent().agentId();
        Optional<UUID> eventId = assignments.recordAssigned(ticket, owner, decision,
                teams.find(decision.agent().team()).orElse(null), now, properties.firstTouchWindow());
        if (eventId.isPresent()) {
            metrics.assigned(ticket, decision, now);
            log.info("ticket assigned ticketNo={} agent={} reason={} assignmentNo={} event={}", ticket.ticketNo(),
                    agentId, ticket.nextReason() != null ? ticket.nextReason() : decision.reason(),
                    ticket.assignmentNo() + 1, eventId.get());
            outbox.flush(Assignment.COLLECTION, ticket.ticketId());
            return;
        }
        // The claim was lost (lease ran out, or the ticket was resolved meanwhile). A worker that
        // claims the still waiting ticket reuses this reservation; otherwise give it back.
        Optional<Assignment> current = assignments.find(ticket.ticketId());
        boolean stillWaiting = current.map(a -> a.status() == AssignmentStatus.QUEUED).orElse(false);
        boolean ours = current.map(a -> a.status() == AssignmentStatus.ASSIGNED && agentId.equals(a.agentId())).orElse(false);
        if (!stillWaiting && !ours) {
            roster.release(agentId, ticket.ticketId(), ticket.ticketNo());
            log.info("reservation given back ticketNo={} agent={}", ticket.ticketNo(), agentId);
        }
    }

    /** The capacity units a ticket of this priority takes. */
    int weightOf(io.ticketflow.events.Priority priority) {
        return capacity.weightOf(priority);
    }

    boolean isOnline(Agent agent) {
        return agent.presence() == Presence.ONLINE;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
