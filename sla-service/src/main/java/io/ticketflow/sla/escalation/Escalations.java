package io.ticketflow.sla.escalation;

import io.ticketflow.events.CollaboratorAdded;
import io.ticketflow.events.Department;
import io.ticketflow.events.EscalationLevel;
import io.ticketflow.events.EscalationRequested;
import io.ticketflow.events.EventIds;
import io.ticketflow.events.Priority;
import io.ticketflow.events.SlaBreached;
import io.ticketflow.events.SlaMetric;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.TicketClosed;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketEscalated;
import io.ticketflow.events.TicketFlag;
import io.ticketflow.events.TicketFlagged;
import io.ticketflow.events.TicketReclassified;
import io.ticketflow.events.TicketType;
import io.ticketflow.events.Topics;
import io.ticketflow.sla.clock.BreachCounter;
import io.ticketflow.sla.clock.ClockStore;
import io.ticketflow.sla.outbox.PendingEvent;
import io.ticketflow.sla.policy.SlaPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps each ticket's escalation record and climbs the ladder. Each trigger has a dedupe key
 * stored with the level it caused, and the escalation's id is derived from that key, so a
 * redelivered trigger or a redo after a crash publishes nothing new. {@link TicketEscalated} is
 * stored as pending events in the ticket's document (one per topic: {@code ticket.sla}, the owning
 * department's and each collaborating department's escalation topic) and then published.
 */
@Service
public class Escalations implements BreachCounter {

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);

    private final TicketStore tickets;
    private final ClockStore clocks;
    private final EscalationLadder ladder;
    private final EscalationProperties rules;
    private final Clock clock;

    private final io.micrometer.core.instrument.MeterRegistry meters;

    public Escalations(TicketStore tickets, ClockStore clocks, EscalationProperties rules, Clock clock,
            io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.tickets = tickets;
        this.clocks = clocks;
        this.ladder = new EscalationLadder(rules);
        this.rules = rules;
        this.clock = clock;
    }

    /** The ticket's classification. */
    public void ticketCreated(TicketCreated created) {
        tickets.update(created.ticketId(), created.ticketNo(), t -> {
            SlaTicket.Draft d = t.draft();
            d.ticketNo = created.ticketNo();
            d.type = created.type();
            d.priority = created.priority();
            d.department = created.department();
            return d.build();
        });
    }

    /** A new classification. */
    public void reclassified(TicketReclassified changed) {
        tickets.update(changed.ticketId(), changed.ticketNo(), t -> {
            SlaTicket.Draft d = t.draft();
            d.type = changed.type();
            d.priority = changed.priority();
            d.department = changed.department();
            return d.build();
        });
    }

    /** A closed ticket is escalated no further. */
    public void closed(TicketClosed closed) {
        tickets.update(closed.ticketId(), closed.ticketNo(), t -> {
            SlaTicket.Draft d = t.draft();
            d.closed = true;
            return d.build();
        });
    }

    /** A reopened ticket can be escalated again. */
    public void reopened(io.ticketflow.events.TicketReopened reopened) {
        tickets.update(reopened.ticketId(), reopened.ticketNo(), t -> {
            if (!t.closed()) {
                return t;
            }
            SlaTicket.Draft d = t.draft();
            d.closed = false;
            return d.build();
        });
    }

    /** Who owns the ticket now, and who their team lead and supervisor are. */
    public void assigned(TicketAssigned assigned) {
        tickets.update(assigned.ticketId(), assigned.ticketNo(), t -> {
            SlaTicket.Draft d = t.draft();
            d.ownerAgentId = assigned.agentId();
            d.team = assigned.team();
            d.teamLead = assigned.teamLead() != null ? assigned.teamLead() : t.teamLead();
            d.supervisor = assigned.supervisor() != null ? assigned.supervisor() : t.supervisor();
            if (d.department == null) {
                d.department = assigned.department();
            }
            return d.build();
        });
    }

    /** A collaborating department also hears of the ticket's escalations. */
    public void collaboratorAdded(CollaboratorAdded added) {
        tickets.update(added.ticketId(), added.ticketNo(), t -> {
            if (t.collaborating().contains(added.department())) {
                return t;
            }
            SlaTicket.Draft d = t.draft();
            d.collaborating.add(added.department());
            if (d.department == null) {
                d.department = added.primaryDepartment();
            }
            return d.build();
        });
    }

    /**
     * Counts a breach once per clock deadline and returns its number among the ticket's breaches
     * (1 for the first): the same breach always gets the same number.
     */
    @Override
    public int recordBreach(String ticketId, String ticketNo, String clockId, Instant dueAt) {
        String key = clockId + "@" + dueAt;
        SlaTicket ticket = tickets.update(ticketId, ticketNo, t -> {
            if (t.breaches().contains(key)) {
                return t;
            }
            SlaTicket.Draft d = t.draft();
            d.breaches.add(key);
            return d.build();
        });
        return ticket.breaches().indexOf(key) + 1;
    }

    /** A breach climbs the ladder; true when an escalation is pending publication. */
    public boolean breached(SlaBreached breach, UUID eventId) {
        boolean p0SystemFault = clocks.byId(breach.clockId())
                .map(c -> SlaPolicy.EMERGENCY_HANDLING.equals(c.scope()))
                .orElse(false);
        String key = "breach:" + breach.clockId() + "@" + breach.dueAt();
        return climb(breach.ticketId(), breach.ticketNo(), key, breach.department(), breach.clockId(), breach.metric(),
                breach.breachedAt(), eventId,
                t -> ladder.onBreach(t.level(), breach.breachNo(), breach.metric(),
                        p0SystemFault && (t.type() == TicketType.FUNCTION) && breach.priority() == Priority.P0));
    }

    /** Routing's request, e.g. on the third transfer. */
    public boolean requested(EscalationRequested request, UUID eventId) {
        String key = "requested:" + request.trigger() + ":" + request.level();
        return climb(request.ticketId(), request.ticketNo(), key, request.department(), null, null, request.requestedAt(), eventId,
                t -> ladder.onRequest(t.level(), request.level(), request.trigger()));
    }

    /** A public-opinion risk goes straight to the top. */
    public boolean flagged(TicketFlagged flagged, UUID eventId) {
        if (flagged.flag() != TicketFlag.PUBLIC_OPINION_RISK || !flagged.raised()) {
            return false;
        }
        String key = "flag:" + flagged.flag() + ":" + flagged.sequence();
        return climb(flagged.ticketId(), flagged.ticketNo(), key, null, null, null, flagged.occurredAt(), eventId,
                t -> ladder.onPublicOpinionRisk(t.level()));
    }

    private boolean climb(String ticketId, String ticketNo, String key, Department fallback, String clockId, SlaMetric metric,
            Instant at, UUID cause, java.util.function.Function<SlaTicket, Optional<EscalationLadder.Step>> rule) {
        Instant now = clock.instant();
        UUID escalationId = EventIds.of("sla-escalation", ticketId, key);
        SlaTicket stored = tickets.update(ticketId, ticketNo, t -> {
            if (t.triggers().contains(key) || t.closed()) {
                return t;
            }
            Optional<EscalationLadder.Step> step = rule.apply(t);
            if (step.isEmpty()) {
                return t;
            }
            SlaTicket.Draft d = t.draft();
            d.triggers.add(key);
            d.level = step.get().level();
            Department department = t.department() != null ? t.department() : fallback != null ? fallback : Department.CUSTOMER_SERVICE;
            String targetId = targetOf(t, step.get().level());
            TicketEscalated escalated = new TicketEscalated(ticketId, t.ticketNo() != null ? t.ticketNo() : ticketNo,
                    escalationId.toString(), step.get().level(), step.get().trigger(), EscalationLadder.roleOf(step.get().level()),
                    targetId, department, t.collaborating(), clockId, metric, t.priority(), t.ownerAgentId(), at);
            Set<Department> departments = new LinkedHashSet<>();
            departments.add(department);
            departments.addAll(t.collaborating());
            d.pendingEvents.add(PendingEvent.of(escalationId, escalated, now));
            for (Department each : departments) {
                d.pendingEvents.add(PendingEvent.of(escalationId, escalated, now, Topics.escalations(each)));
            }
            log.info("ticket escalated ticketNo={} level={} trigger={} target={} departments={} eventId={} cause={}",
                    escalated.ticketNo(), escalated.level(), escalated.trigger(), escalated.targetRole(), departments,
                    escalationId, cause);
            return d.build();
        });
        boolean escalated = stored.pendingEvents().stream().anyMatch(p -> p.eventId().equals(escalationId.toString()));
        if (escalated && stored.level() != null && stored.triggers().contains(key)) {
            meters.counter("ticketflow.sla.escalations", "level", stored.level().name()).increment();
        }
        return escalated;
    }

    private String targetOf(SlaTicket ticket, EscalationLevel level) {
        if (level == EscalationLevel.GENERAL) {
            return ticket.teamLead();
        } else if (level == EscalationLevel.MAJOR) {
            return ticket.supervisor();
        }
        return rules.managerId();
    }

    /** The ticket's escalation record, for the API. */
    public Optional<SlaTicket> ticket(String ticketId) {
        return tickets.byId(ticketId);
    }

}
