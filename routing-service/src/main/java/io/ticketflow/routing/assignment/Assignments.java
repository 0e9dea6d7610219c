package io.ticketflow.routing.assignment;

import static org.springframework.data.mongodb.core.FindAndModifyOptions.options;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.ticketflow.events.Department;
import io.ticketflow.events.EventIds;
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
    }

    /**
     * Records a new ticket as waiting. A ticket routing already knows (the same creation
     * delivered again, under any event id) is left as it is.
     *
     * @return true when the ticket was new
     */
    boolean open(TicketCreated created, Instant now) {
        RoutableTicket ticket = new RoutableTicket(created.ticketId(), created.ticketNo(), created.department(),
                created.priority(), created.tags(), created.customerId());
        Update update = new Update()
                .setOnInsert("ticketNo", created.ticketNo())
                .setOnInsert("status", AssignmentStatus.QUEUED.name())
                .setOnInsert("agentId", null)
                .setOnInsert("team", null)
                .setOnInsert("department", created.department().name())
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
                .setOnInsert("history", List.of(history(now, AssignmentStatus.QUEUED, null, "created")))
                .setOnInsert(Outbox.FIELD, List.of());
        return mongo.upsert(byId(created.ticketId()), update, Assignment.COLLECTION).getUpsertedId() != null;
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
    Optional<UUID> recordAssigned(Assignment claimed, String owner, Candidate decision, Instant now) {
        Agent agent = decision.agent();
        int assignmentNo = claimed.assignmentNo() + 1;
        UUID eventId = EventIds.of("ticket-assigned", claimed.ticketId(), assignmentNo);
        TicketAssigned assigned = new TicketAssigned(claimed.ticketId(), claimed.ticketNo(), agent.agentId(),
                agent.team(), agent.department(), assignmentNo, decision.reason(), now);
        Update update = new Update()
                .set("status", AssignmentStatus.ASSIGNED.name())
                .set("agentId", agent.agentId())
                .set("team", agent.team())
                .set("assignedAt", now)
                .set("assignmentNo", assignmentNo)
                .set("reason", decision.reason())
                .set("claimUntil", UNCLAIMED)
                .unset("claimOwner")
                .push("history", history(now, AssignmentStatus.ASSIGNED, agent.agentId(), decision.reason()))
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
    Optional<UUID> leaveWaiting(Assignment claimed, String owner) {
        Update update = new Update().set("claimUntil", UNCLAIMED).unset("claimOwner");
        UUID eventId = null;
        if (!claimed.queuedAnnounced()) {
            eventId = EventIds.of("ticket-queued", claimed.ticketId(), claimed.assignmentNo());
            TicketQueued queued = new TicketQueued(claimed.ticketId(), claimed.ticketNo(), claimed.department(),
                    claimed.priority(), claimed.queuedAt());
            update.set("queuedAnnounced", true).push(Outbox.FIELD, Outbox.pending(eventId, queued));
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
                .push("history", history(now, AssignmentStatus.RELEASED, seen.agentId(), reason));
        return mongo.updateFirst(unchanged, update, Assignment.COLLECTION).getModifiedCount() == 1;
    }

    /**
     * Waiting tickets this agent qualifies for (a tag among their skills, an untagged ticket of
     * their department, or one of their VIP customers), in serving order, at most {@code limit}.
     */
    List<Assignment> waitingFor(Agent agent, int limit) {
        List<Criteria> qualifies = new ArrayList<>();
        if (!agent.skills().isEmpty()) {
            qualifies.add(where("tags").in(agent.skills().keySet()));
        }
        qualifies.add(where("tags").size(0).and("department").is(agent.department().name()));
        if (!agent.vipCustomers().isEmpty()) {
            qualifies.add(where("customerId").in(agent.vipCustomers()));
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

    private static Document history(Instant at, AssignmentStatus action, @Nullable String agentId, @Nullable String reason) {
        return new Document("at", at).append("action", action.name()).append("agentId", agentId).append("reason", reason);
    }
}
