package io.ticketflow.routing.agent;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.ticketflow.events.AgentPresenceChanged;
import io.ticketflow.events.EventIds;
import io.ticketflow.events.Presence;
import io.ticketflow.routing.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The agent roster in MongoDB. Capacity is reserved and released with single conditional
 * updates on the agent's document, so any number of routing instances can assign at the same
 * time without ever giving an agent more tickets than their capacity. Presence changes carry
 * their {@link AgentPresenceChanged} event in the same update (single-document outbox).
 */
@Component
public class AgentRoster implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(AgentRoster.class);
    private static final int PRESENCE_ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AgentRoster(MongoTemplate mongo, Outbox outbox, Clock clock, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
        this.events = events;
        outbox.register(Agent.COLLECTION);
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(Agent.COLLECTION).createIndex(new Index().on("presence", Sort.Direction.ASC));
        mongo.indexOps(Agent.COLLECTION).createIndex(new Index().on("activeTicketIds", Sort.Direction.ASC));
    }

    /** One agent. */
    public Optional<Agent> find(String agentId) {
        return Optional.ofNullable(mongo.findById(agentId, Agent.class));
    }

    /** The whole roster, by agent id. */
    public List<Agent> all() {
        return mongo.find(new Query().with(Sort.by("_id")), Agent.class);
    }

    /** Online agents who can take another ticket now. */
    public List<Agent> available() {
        return mongo.find(query(where("presence").is(Presence.ONLINE.name())), Agent.class).stream()
                .filter(Agent::hasFreeCapacity)
                .toList();
    }

    /** The agent who holds a reservation for this ticket, if any (e.g. one made just before a crash). */
    public Optional<Agent> holderOf(String ticketId) {
        return Optional.ofNullable(mongo.findOne(query(where("activeTicketIds").is(ticketId)), Agent.class));
    }

    /**
     * Creates the agent, or updates their profile while keeping presence, load and held tickets.
     * A new agent starts {@code OFFLINE}.
     */
    public Agent register(String agentId, AgentProfile profile) {
        Instant now = now();
        Update update = new Update()
                .set("name", profile.name())
                .set("team", profile.team())
                .set("department", profile.department().name())
                .set("skills", new Document(new TreeMap<>(profile.skills())))
                .set("capacity", profile.capacity())
                .set("vipCustomers", profile.vipCustomers())
                .set("updatedAt", now)
                .setOnInsert("presence", Presence.OFFLINE.name())
                .setOnInsert("load", 0)
                .setOnInsert("activeTicketIds", List.of())
                .setOnInsert("activeTicketNos", List.of())
                .setOnInsert("activeWeights", new Document())
                .setOnInsert("presenceVersion", 0L)
                .setOnInsert("registeredAt", now)
                .setOnInsert(Outbox.FIELD, List.of());
        boolean created = mongo.upsert(query(where("_id").is(agentId)), update, Agent.COLLECTION).getUpsertedId() != null;
        log.info("agent {} agent={} department={} capacity={} skills={}", created ? "registered" : "updated",
                agentId, profile.department(), profile.capacity(), profile.skills().keySet());
        events.publishEvent(new AgentAvailable(agentId));
        return find(agentId).orElseThrow();
    }

    /**
     * Sets the agent's presence and publishes {@link AgentPresenceChanged}; coming online pulls
     * waiting tickets at once. Setting the presence the agent already has changes nothing.
     */
    public Agent changePresence(String agentId, Presence presence) {
        for (int attempt = 0; attempt < PRESENCE_ATTEMPTS; attempt++) {
            Agent agent = find(agentId).orElseThrow(() -> new UnknownAgentException(agentId));
            if (agent.presence() == presence) {
                return agent;
            }
            long version = agent.presenceVersion() + 1;
            Instant now = now();
            UUID eventId = EventIds.of("agent-presence", agentId, version);
            Update update = new Update()
                    .set("presence", presence.name())
                    .set("presenceVersion", version)
                    .set("presenceChangedAt", now)
                    .push(Outbox.FIELD, Outbox.pending(eventId, new AgentPresenceChanged(agentId, presence, now)));
            boolean changed = mongo.updateFirst(
                    query(where("_id").is(agentId).and("presenceVersion").is(agent.presenceVersion())),
                    update, Agent.COLLECTION).getModifiedCount() == 1;
            if (changed) {
                log.info("agent presence changed agent={} from={} to={} event={}", agentId, agent.presence(), presence, eventId);
                outbox.flush(Agent.COLLECTION, agentId);
                if (presence == Presence.ONLINE) {
                    events.publishEvent(new AgentAvailable(agentId));
                } else if (presence == Presence.OFFLINE) {
                    events.publishEvent(new AgentWentOffline(agentId));
                }
                return find(agentId).orElseThrow();
            }
        }
        throw new PresenceConflictException(agentId);
    }

    /**
     * Reserves capacity for a ticket, atomically: only an online agent who does not hold the
     * ticket yet and whose load leaves room for the ticket's weight (or who holds nothing) is
     * changed. Redoing it for the same ticket is a no-op.
     *
     * @param weight the capacity units the ticket takes (its priority's weight)
     * @return true when this call made the reservation
     */
    public boolean reserve(String agentId, String ticketId, String ticketNo, int weight) {
        Document roomLeft = new Document("$expr", new Document("$lte",
                List.of(new Document("$add", List.of("$load", weight)), "$capacity")));
        Document idle = new Document("load", 0).append("capacity", new Document("$gt", 0));
        Document filter = new Document("_id", agentId)
                .append("presence", Presence.ONLINE.name())
                .append("activeTicketIds", new Document("$ne", ticketId))
                .append("$or", List.of(idle, roomLeft));
        Update update = new Update()
                .inc("load", weight)
                .push("activeTicketIds", ticketId)
                .push("activeTicketNos", ticketNo)
                .set("activeWeights." + ticketId, weight)
                .set("lastAssignedAt", now());
        return mongo.updateFirst(new BasicQuery(filter), update, Agent.COLLECTION).getModifiedCount() == 1;
    }

    /**
     * Gives back the capacity the agent held for a ticket. Only an agent who holds the ticket is
     * changed, so releasing twice releases once.
     *
     * @return true when this call released it
     */
    public boolean release(String agentId, String ticketId, String ticketNo) {
        Optional<Agent> holder = Optional.ofNullable(mongo.findOne(
                query(where("_id").is(agentId).and("activeTicketIds").is(ticketId)), Agent.class));
        if (holder.isEmpty()) {
            return false;
        }
        int weight = holder.get().weightOf(ticketId);
        Update update = new Update()
                .inc("load", -weight)
                .pull("activeTicketIds", ticketId)
                .pull("activeTicketNos", ticketNo)
                .unset("activeWeights." + ticketId);
        return mongo.updateFirst(query(where("_id").is(agentId).and("activeTicketIds").is(ticketId)), update,
                Agent.COLLECTION).getModifiedCount() == 1;
    }

    /** Agents who are OFFLINE but still hold tickets: a crash interrupted their reassignment. */
    public List<Agent> offlineHoldingTickets() {
        return mongo.find(query(where("presence").is(Presence.OFFLINE.name()).and("load").gt(0)), Agent.class);
    }

    /** The members of a team. */
    public List<Agent> members(String team) {
        return mongo.find(query(where("team").is(team)), Agent.class);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
