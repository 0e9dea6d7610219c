package io.ticketflow.routing.assignment;

import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.routing.agent.Agent;
import io.ticketflow.routing.agent.AgentAvailable;
import io.ticketflow.routing.agent.AgentRoster;
import io.ticketflow.routing.outbox.Outbox;
import io.ticketflow.routing.queue.QueueOrder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Smart dispatch: puts arriving tickets with the best available agent or in the queue, and
 * serves the queue whenever capacity appears (an agent comes online or is registered, a ticket
 * is resolved).
 * <p>
 * Every decision about one ticket follows the same steps, each safe to redo after a crash:
 * <ol>
 * <li>claim the waiting ticket's record for a short lease (one worker at a time per ticket);</li>
 * <li>if an agent already holds a reservation for it (a crash after step 3), keep that agent,
 * otherwise reserve capacity on the best candidate with one conditional update;</li>
 * <li>record the decision and its event in the ticket's record, with an id derived from the
 * ticket and the assignment number, then publish it (or, with no agent, give the claim back
 * and announce the wait once).</li>
 * </ol>
 */
@Component
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int RELEASE_ATTEMPTS = 5;
    private static final Comparator<Assignment> SERVING_ORDER = Comparator.comparing(Assignment::waiting, QueueOrder.FIRST_SERVED);

    private final Assignments assignments;
    private final AgentRoster roster;
    private final Outbox outbox;
    private final RoutingMetrics metrics;
    private final AssignmentProperties properties;
    private final Clock clock;
    private final SkillMatch skillMatch = new SkillMatch();

    Dispatcher(Assignments assignments, AgentRoster roster, Outbox outbox, RoutingMetrics metrics,
            AssignmentProperties properties, Clock clock) {
        this.assignments = assignments;
        this.roster = roster;
        this.outbox = outbox;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new ticket: record it as waiting (once, whatever the event id) and try to assign it. */
    public void route(UUID eventId, TicketCreated created) {
        if (assignments.open(created, now())) {
            log.info("ticket received ticketNo={} department={} priority={} tags={} event={}", created.ticketNo(),
                    created.department(), created.priority(), created.tags().size(), eventId);
        } else {
            log.debug("ticket already known ticketNo={} event={}", created.ticketNo(), eventId);
        }
        attempt(created.ticketId());
    }

    /** A resolved ticket: give the agent's capacity back and let that agent take the next waiting ticket. */
    public void release(UUID eventId, TicketResolved resolved) {
        for (int attempt = 0; attempt < RELEASE_ATTEMPTS; attempt++) {
            Optional<Assignment> found = assignments.find(resolved.ticketId());
            if (found.isEmpty()) {
                log.info("resolved ticket unknown to routing ticketNo={} event={}", resolved.ticketNo(), eventId);
                return;
            }
            Assignment ticket = found.get();
            if (ticket.status() == AssignmentStatus.RELEASED || assignments.markReleased(ticket, now(), "resolved")) {
                if (ticket.status() != AssignmentStatus.RELEASED) {
                    log.info("ticket released ticketNo={} agent={} event={}", ticket.ticketNo(), ticket.agentId(), eventId);
                }
                if (ticket.agentId() != null) {
                    // conditional on the agent still holding the ticket: a redo releases nothing twice
                    roster.release(ticket.agentId(), ticket.ticketId(), ticket.ticketNo());
                    pullFor(ticket.agentId());
                }
                return;
            }
        }
        throw new IllegalStateException("ticket " + resolved.ticketNo() + " kept changing while being released");
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

    /**
     * Offers the agent's free capacity to the waiting tickets they qualify for, highest priority
     * and longest waiting first. Each ticket still goes to its best candidate, which may be
     * another agent who became free at the same time.
     */
    public void pullFor(String agentId) {
        Optional<Agent> agent = roster.find(agentId).filter(Agent::online).filter(Agent::hasFreeCapacity);
        if (agent.isEmpty()) {
            return;
        }
        List<Assignment> waiting = assignments.waitingFor(agent.get(), properties.pullBatch()).stream()
                .sorted(SERVING_ORDER)
                .toList();
        for (Assignment ticket : waiting) {
            if (skillMatch.assess(ticket.routable(), agent.get()).isEmpty()) {
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
     * The safety net behind the event-driven path: retries tickets whose claim was abandoned
     * (a worker crashed mid-decision) and offers every available agent's capacity to the queue.
     */
    void sweep() {
        for (String ticketId : assignments.abandonedClaims(now(), properties.pullBatch())) {
            log.info("retrying abandoned decision ticketId={}", ticketId);
            attempt(ticketId);
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
        Assignment ticket = claimed.get();
        Optional<Candidate> decision = reservationHeld(ticket).or(() -> reserveBest(ticket));
        if (decision.isPresent()) {
            assign(ticket, owner, decision.get());
        } else {
            assignments.leaveWaiting(ticket, owner).ifPresent(eventId -> {
                log.info("ticket queued ticketNo={} department={} priority={} event={}", ticket.ticketNo(),
                        ticket.department(), ticket.priority(), eventId);
                outbox.flush(Assignment.COLLECTION, ticket.ticketId());
            });
        }
    }

    /** A reservation made before a crash, reused so the redo reaches the same decision. */
    private Optional<Candidate> reservationHeld(Assignment ticket) {
        return roster.holderOf(ticket.ticketId()).map(agent -> skillMatch.assess(ticket.routable(), agent)
                .orElseGet(() -> new Candidate(agent, SkillMatch.RESERVATION_RECOVERED, false,
                        agent.department() == ticket.department(), 0)));
    }

    private Optional<Candidate> reserveBest(Assignment ticket) {
        for (Candidate candidate : skillMatch.rank(ticket.routable(), roster.available())) {
            if (roster.reserve(candidate.agent().agentId(), ticket.ticketId(), ticket.ticketNo())) {
                return Optional.of(candidate);
            }
            log.debug("candidate became unavailable agent={} ticketNo={}", candidate.agent().agentId(), ticket.ticketNo());
        }
        return Optional.empty();
    }

    private void assign(Assignment ticket, String owner, Candidate decision) {
        Instant now = now();
        String agentId = decision.agent().agentId();
        Optional<UUID> eventId = assignments.recordAssigned(ticket, owner, decision, now);
        if (eventId.isPresent()) {
            metrics.assigned(ticket, decision, now);
            log.info("ticket assigned ticketNo={} agent={} reason={} assignmentNo={} event={}", ticket.ticketNo(),
                    agentId, decision.reason(), ticket.assignmentNo() + 1, eventId.get());
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

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
