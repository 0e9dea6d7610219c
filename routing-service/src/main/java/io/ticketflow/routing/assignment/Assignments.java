package io.ticketflow.routing.assignment;

import static org.springframework.data.mongodb.core.FindAndModifyOptions.options;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.ticketflow.events.Department;
import io.ticketflow.events.EventIds;
import io.ticketflow.events.Priority;
import io.ticketflow.events.SlaMetric;
import io.ticketflow.routing.agent.Team;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketQueued;
import io.ticketflow.routing.agent.Agent;
import io.ticketflow.routing.outbox.Outbox;
import io.ticketflow.routing.queue.WaitingTicket;
import io.ticketflow.routing.queue.WaitingTickets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The assignment records in MongoDB. Every state change is one conditional update of one
 * document, and the events it causes are pushed into that same document's outbox.
 */
@Component
class Assignments implements WaitingTickets, InitializingBean {

    /** An unclaimed ticket's {@code claimUntil}. */
    static final Instant UNCLAIMED = Instant.EPOCH;
    /** SLA due times by ticket, kept aside so one that arrives before its ticket is not lost. */
    static final String SLA_DUES = "slaDues";

    private final MongoTemplate mongo;

    Assignments(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        outbox.register(Assignment.COLLECTION);
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(Assignment.COLLECTION).createIndex(new Index().on("ticketNo", Sort.Direction.ASC));
        mongo.indexOps(Assignment.COLLECTION).createIndex(new Index()
                .on("status", Sort.Direction.ASC).on("priorityRank", Sort.Direction.ASC).on("queuedAt", Sort.Direction.ASC));
        mongo.indexOps(Assignment.COLLECTION).createIndex(new Index()
                .on("status", Sort.Direction.ASC).on("touchDueAt", Sort.Direction.ASC));
        mongo.indexOps(Assignment.COLLECTION).createIndex(new Index()
                .on("agentId", Sort.Direction.ASC).on("status", Sort.Direction.ASC));
    }

    /**
     * Records a new ticket as waiting. A ticket routing already knows (the same creation
     * delivered again, under any event id) is left as it is.
     *
     * @return true when the ticket was new
     */
    boolean open(TicketCreated created, Department department, Instant now) {
        RoutableTicket ticket = new RoutableTicket(created.ticketId(), created.ticketNo(), department,
                created.priority(), created.tags(), created.customerId());
        Update update = new Update()
                .setOnInsert("ticketNo", created.ticketNo())
                .setOnInsert("status", AssignmentStatus.QUEUED.name())
                .setOnInsert("agentId", null)
                .setOnInsert("team", null)
                .setOnInsert("department", department.name())
                .setOnInsert("priority", created.priority().name())
                .setOnInsert("priorityRank", created.priority().ordinal())
                .setOnInsert("tags", ticket.tags())
                .setOnInsert("customerId", created.customerId())
                .setOnInsert("vip", created.vip())
                .setOnInsert("createdAt", created.occurredAt())
                .setOnInsert("queuedAt", now)
                .setOnInsert("assignmentNo", 0)
                .setOnInsert("queuedAnnounced", false)
                .setOnInsert("claimUntil", UNCLAIMED)
                .setOnInsert("history", List.of(history(now, "QUEUED", null, "created", null)))
                .setOnInsert("queueNo", 0)
                .setOnInsert("transferCount", 0)
                .setOnInsert("expedite", created.vip())
                .setOnInsert("reopenNo", 0)
                .setOnInsert("collaborators", List.of())
                .setOnInsert(Outbox.FIELD, List.of());
        boolean opened = mongo.upsert(byId(created.ticketId()), update, Assignment.COLLECTION).getUpsertedId() != null;
        if (opened) {
            // an SLA due time that arrived before the ticket itself
            Document dues = mongo.findById(created.ticketId(), Document.class, SLA_DUES);
            if (dues != null) {
                applyDue(created.ticketId(), dues);
            }
        }
        return opened;
    }

    /**
     * Remembers an SLA due time of the ticket (first response or resolution) and keeps the
     * earliest on the assignment record, which orders the queue. Stored aside first, so a due
     * time that arrives before the ticket is picked up when the ticket is opened.
     */
    void due(String ticketId, SlaMetric metric, Instant dueAt) {
        mongo.upsert(byId(ticketId), new Update().set("dues." + metric.name(), dueAt), SLA_DUES);
        Document dues = mongo.findById(ticketId, Document.class, SLA_DUES);
        if (dues != null) {
            applyDue(ticketId, dues);
        }
    }

    private void applyDue(String ticketId, Document dues) {
        Document byMetric = dues.get("dues", Document.class);
        if (byMetric == null) {
            return;
        }
        Instant earliest = byMetric.values().stream()
                .filter(v -> v instanceof java.util.Date)
                .map(v -> ((java.util.Date) v).toInstant())
                .min(Instant::compareTo)
                .orElse(null);
        if (earliest != null) {
            mongo.updateFirst(byId(ticketId), new Update().set("dueAt", earliest), Assignment.COLLECTION);
        }
    }

    Optional<Assignment> find(String ticketId) {
        return Optional.ofNullable(mongo.findById(ticketId, Assignment.class));
    }

    Optional<Assignment> findByTicketNo(String ticketNo) {
        return Optional.ofNullable(mongo.findOne(query(where("ticketNo").is(ticketNo)), Assignment.class));
    }

    /**
     * Claims a waiting ticket for one worker until {@code now + lease}, unless another worker's
     * claim still runs. Only the claim holder may decide about the ticket.
     */
    Optional<Assignment> claim(String ticketId, String owner, Instant now, Duration lease) {
        Query claimable = query(where("_id").is(ticketId)
                .and("status").is(AssignmentStatus.QUEUED.name())
                .and("claimUntil").lte(now));
        Update claim = new Update().set("claimUntil", now.plus(lease)).set("claimOwner", owner);
        return Optional.ofNullable(mongo.findAndModify(claimable, claim, options().returnNew(true), Assignment.class));
    }

    /**
     * Records the decision of the claim holder and its {@code TicketAssigned} event, whose id
     * depends only on the ticket and the assignment number: a redo emits the same id.
     *
     * @return the event's id, or empty when the claim was lost
     */
    Optional<UUID> recordAssigned(Assignment claimed, String owner, Candidate decision, @Nullable Team team, Instant now,
            Duration firstTouchWindow) {
        Agent agent = decision.agent();
        int assignmentNo = claimed.assignmentNo() + 1;
        String reason = claimed.nextReason() != null ? claimed.nextReason() : decision.reason();
        UUID eventId = EventIds.of("ticket-assigned", claimed.ticketId(), assignmentNo);
        TicketAssigned assigned = new TicketAssigned(claimed.ticketId(), claimed.ticketNo(), agent.agentId(),
                agent.team(), agent.department(), assignmentNo, reason, now,
                team == null ? null : team.lead(), team == null ? null : team.supervisor());
        Update update = new Update()
                .set("status", AssignmentStatus.ASSIGNED.name())
                .set("agentId", agent.agentId())
                .set("team", agent.team())
                .set("assignedAt", now)
                .set("assignmentNo", assignmentNo)
                .set("reason", reason)
                .set("claimUntil", UNCLAIMED)
                .set("touchDueAt", now.plus(firstTouchWindow))
                .unset("touchedAt")
                .unset("claimOwner")
                .unset("targetAgentId")
                .unset("targetTeam")
                .unset("excludedAgentId")
                .unset("preferredAgentId")
                .unset("nextReason")
                .unset("movedFromAgentId")
                .push("history", history(now, "ASSIGNED", agent.agentId(), reason, null))
                .push(Outbox.FIELD, Outbox.pending(eventId, assigned));
        boolean recorded = mongo.updateFirst(heldBy(claimed.ticketId(), owner), update, Assignment.COLLECTION)
                .getModifiedCount() == 1;
        return recorded ? Optional.of(eventId) : Optional.empty();
    }

    /**
     * Gives the claim back on a ticket no agent could take. The first time it waits, its
     * {@code TicketQueued} event is recorded with it.
     *
     * @return the id of the {@code TicketQueued} event recorded now, if any
     */
    Optional<UUID> leaveWaiting(Assignment claimed, String owner, Instant now) {
        Update update = new Update().set("claimUntil", UNCLAIMED).unset("claimOwner").unset("preferredAgentId");
        UUID eventId = null;
        if (!claimed.queuedAnnounced()) {
            eventId = EventIds.of("ticket-queued", claimed.ticketId(), claimed.queueNo());
            TicketQueued queued = new TicketQueued(claimed.ticketId(), claimed.ticketNo(), claimed.department(),
                    claimed.priority(), claimed.assignmentNo() == 0 ? claimed.queuedAt() : now);
            update.set("queuedAnnounced", true).inc("queueNo", 1).push(Outbox.FIELD, Outbox.pending(eventId, queued));
            if (claimed.assignmentNo() > 0 || claimed.transferCount() > 0) {
                update.push("history", history(now, "QUEUED", null, claimed.nextReason(), null));
            }
        }
        boolean updated = mongo.updateFirst(heldBy(claimed.ticketId(), owner), update, Assignment.COLLECTION)
                .getModifiedCount() == 1;
        return updated ? Optional.ofNullable(eventId) : Optional.empty();
    }

    /**
     * Marks the ticket released, provided it is still as read (same status, same assignment):
     * a decision made meanwhile makes this fail, and the caller reads again.
     */
    boolean markReleased(Assignment seen, Instant now, String reason) {
        Query unchanged = query(where("_id").is(seen.ticketId())
                .and("status").is(seen.status().name())
                .and("assignmentNo").is(seen.assignmentNo()));
        Update update = new Update()
                .set("status", AssignmentStatus.RELEASED.name())
                .set("releasedAt", now)
                .set("claimUntil", UNCLAIMED)
                .unset("claimOwner")
                .unset("touchDueAt")
                .unset("targetAgentId")
                .unset("targetTeam")
                .unset("excludedAgentId")
                .unset("nextReason")
                .push("history", history(now, "RELEASED", seen.agentId(), reason, null));
        return mongo.updateFirst(unchanged, update, Assignment.COLLECTION).getModifiedCount() == 1;
    }

    /**
     * Takes the ticket out of its current state into a wait claimed by {@code owner}, provided it
     * is still as read: an assigned ticket loses its agent (the caller releases the agent's
     * capacity), a waiting one must not be claimed by another worker. {@code change} adds what
     * the move records (history, events, the next decision's restrictions). The caller decides
     * next with the claim.
     *
     * @return the claimed record, or empty when the ticket changed meanwhile
     */
    Optional<Assignment> takeOver(Assignment seen, String owner, Instant now, Duration lease, Update change) {
        Criteria unchanged = where("_id").is(seen.ticketId())
                .and("status").is(seen.status().name())
                .and("assignmentNo").is(seen.assignmentNo());
        if (seen.status() == AssignmentStatus.QUEUED) {
            unchanged = unchanged.and("claimUntil").lte(now);
        }
        change.set("status", AssignmentStatus.QUEUED.name())
                .set("claimUntil", now.plus(lease))
                .set("claimOwner", owner)
                .set("queuedAnnounced", false)
                .unset("touchDueAt");
        if (seen.status() == AssignmentStatus.ASSIGNED) {
            change.set("agentId", null).set("team", null).set("movedFromAgentId", seen.agentId());
        }
        return Optional.ofNullable(mongo.findAndModify(query(unchanged), change, options().returnNew(true), Assignment.class));
    }

    /**
     * A resolved or closed ticket is open again ({@code reopenNo} newer than any applied): it
     * waits again, claimed by {@code owner}, preferring {@code preferredAgentId}.
     */
    Optional<Assignment> reopen(Assignment seen, String owner, int reopenNo, @Nullable String preferredAgentId,
            @Nullable String reason, Instant now, Duration lease) {
        Query released = query(where("_id").is(seen.ticketId())
                .and("status").is(AssignmentStatus.RELEASED.name())
                .and("reopenNo").lt(reopenNo));
        Update update = new Update()
                .set("status", AssignmentStatus.QUEUED.name())
                .set("reopenNo", reopenNo)
                .set("claimUntil", now.plus(lease))
                .set("claimOwner", owner)
                .set("queuedAnnounced", false)
                .set("expedite", true)
                .set("agentId", null)
                .set("team", null)
                .set("preferredAgentId", preferredAgentId)
                .set("nextReason", "reopen")
                .unset("movedFromAgentId")
                .push("history", history(now, "REOPENED", preferredAgentId, reason, null));
        return Optional.ofNullable(mongo.findAndModify(released, update, options().returnNew(true), Assignment.class));
    }

    /** Records a reopen number on a ticket that was not released (nothing to do but remember it). */
    void rememberReopen(String ticketId, int reopenNo) {
        mongo.updateFirst(query(where("_id").is(ticketId).and("reopenNo").lt(reopenNo)),
                new Update().set("reopenNo", reopenNo), Assignment.COLLECTION);
    }

    /** New priority and department from a reclassification, without moving the ticket. */
    boolean reclassify(Assignment seen, Priority priority, Department department, String reason, @Nullable String by, Instant now) {
        Query unchanged = query(where("_id").is(seen.ticketId())
                .and("status").is(seen.status().name())
                .and("assignmentNo").is(seen.assignmentNo())
                .and("priority").is(seen.priority().name())
                .and("department").is(seen.department().name()));
        Update update = new Update()
                .set("priority", priority.name())
                .set("priorityRank", priority.ordinal())
                .set("department", department.name())
                .push("history", history(now, "RECLASSIFIED", seen.agentId(), reason, by));
        return mongo.updateFirst(unchanged, update, Assignment.COLLECTION).getModifiedCount() == 1;
    }

    /**
     * The current owner touched the ticket: the first-touch deadline is lifted.
     *
     * @param agentId the agent who touched it, or null when the event does not say (then the owner)
     * @return true when this call lifted the deadline
     */
    boolean touch(String ticketId, @Nullable String agentId, Instant now, String how) {
        Criteria owned = where("_id").is(ticketId).and("status").is(AssignmentStatus.ASSIGNED.name()).and("touchDueAt").ne(null);
        if (agentId != null) {
            owned = owned.and("agentId").is(agentId);
        }
        Update update = new Update().unset("touchDueAt").set("touchedAt", now)
                .push("history", history(now, "ACKNOWLEDGED", agentId, how, null));
        return mongo.updateFirst(query(owned), update, Assignment.COLLECTION).getModifiedCount() == 1;
    }

    /** Assigned tickets whose first-touch deadline has passed, earliest first: one indexed range query. */
    List<Assignment> firstTouchOverdue(Instant now, int limit) {
        Query query = query(where("status").is(AssignmentStatus.ASSIGNED.name()).and("touchDueAt").lte(now))
                .with(Sort.by("touchDueAt")).limit(limit);
        return mongo.find(query, Assignment.class);
    }

    /** The tickets an agent holds. */
    List<Assignment> assignedTo(String agentId) {
        return mongo.find(query(where("status").is(AssignmentStatus.ASSIGNED.name()).and("agentId").is(agentId)),
                Assignment.class);
    }

    /**
     * Adds a collaborating department with its {@code CollaboratorAdded} event, unless that
     * department already collaborates (then nothing changes).
     */
    boolean addCollaborator(Assignment seen, Assignment.Collaborator collaborator, UUID eventId,
            io.ticketflow.events.CollaboratorAdded added) {
        Query notYet = query(where("_id").is(seen.ticketId()).and("collaborators.department").ne(collaborator.department().name()));
        Update update = new Update()
                .push("collaborators", collaborator)
                .push("history", history(collaborator.addedAt(), "COLLABORATOR_ADDED", null,
                        collaborator.department().name() + ": " + collaborator.reason(), collaborator.addedBy()))
                .push(Outbox.FIELD, Outbox.pending(eventId, added));
        return mongo.updateFirst(notYet, update, Assignment.COLLECTION).getModifiedCount() == 1;
    }

    /**
     * Records a collaborator's progress report with its event, provided the collaborator's
     * state is still as read (so two reports at once are two conditional updates, one wins).
     */
    boolean reportProgress(Assignment seen, Assignment.Collaborator before, Assignment.Collaborator after, UUID eventId,
            io.ticketflow.events.CollaboratorProgressReported reported) {
        // collaborators are only ever appended, so a collaborator's position never changes
        int index = seen.collaborators().indexOf(before);
        if (index < 0) {
            return false;
        }
        String at = "collaborators." + index + ".";
        Query unchanged = query(where("_id").is(seen.ticketId())
                .and(at + "department").is(before.department().name())
                .and(at + "reports").is(before.reports())
                .and(at + "finished").is(false));
        Update update = new Update()
                .set(at + "reports", after.reports())
                .set(at + "lastReportAt", after.lastReportAt())
                .set(at + "finished", after.finished())
                .push("history", history(after.lastReportAt(), "COLLABORATOR_PROGRESS", null,
                        before.department().name() + (after.finished() ? " finished" : " in progress"), reported.reportedBy()))
                .push(Outbox.FIELD, Outbox.pending(eventId, reported));
        return mongo.updateFirst(unchanged, update, Assignment.COLLECTION).getModifiedCount() == 1;
    }

    /**
     * Waiting tickets this agent might qualify for (a tag among their skills, a ticket of their
     * department, one of their VIP customers, or one transferred to them or their team), highest
     * priority and longest waiting first, at most {@code limit}; the caller checks each.
     */
    List<Assignment> waitingFor(Agent agent, int limit) {
        List<Criteria> qualifies = new ArrayList<>();
        if (!agent.skills().isEmpty()) {
            qualifies.add(where("tags").in(agent.skills().keySet()));
        }
        qualifies.add(where("department").is(agent.department().name()));
        if (!agent.vipCustomers().isEmpty()) {
            qualifies.add(where("customerId").in(agent.vipCustomers()));
        }
        qualifies.add(where("targetAgentId").is(agent.agentId()));
        if (agent.team() != null) {
            qualifies.add(where("targetTeam").is(agent.team()));
        }
        Query query = query(where("status").is(AssignmentStatus.QUEUED.name()).orOperator(qualifies))
                .with(Sort.by("priorityRank", "queuedAt"))
                .limit(limit);
        return mongo.find(query, Assignment.class);
    }

    /** Waiting tickets whose claim ran out: the worker holding it crashed or stalled. */
    List<String> abandonedClaims(Instant now, int limit) {
        Query query = query(where("status").is(AssignmentStatus.QUEUED.name())
                .and("claimUntil").gt(UNCLAIMED).lte(now)).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, Assignment.COLLECTION).stream()
                .map(d -> String.valueOf(d.get("_id")))
                .toList();
    }

    @Override
    public List<WaitingTicket> waiting() {
        return mongo.find(query(where("status").is(AssignmentStatus.QUEUED.name())), Assignment.class).stream()
                .map(Assignment::waiting)
                .toList();
    }

    @Override
    public Map<Department, Long> countByDepartment() {
        Map<Department, Long> counts = new EnumMap<>(Department.class);
        mongo.aggregate(newAggregation(
                        match(where("status").is(AssignmentStatus.QUEUED.name())),
                        group("department").count().as("count")),
                Assignment.COLLECTION, Document.class)
                .forEach(row -> counts.put(Department.valueOf(String.valueOf(row.get("_id"))),
                        ((Number) row.get("count")).longValue()));
        return counts;
    }

    private static Query byId(String ticketId) {
        return query(where("_id").is(ticketId));
    }

    private static Query heldBy(String ticketId, String owner) {
        return query(where("_id").is(ticketId).and("status").is(AssignmentStatus.QUEUED.name()).and("claimOwner").is(owner));
    }

    static Document history(Instant at, String action, @Nullable String agentId, @Nullable String reason, @Nullable String by) {
        return new Document("at", at).append("action", action).append("agentId", agentId).append("reason", reason)
                .append("by", by);
    }
}
