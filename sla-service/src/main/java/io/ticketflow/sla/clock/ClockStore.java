package io.ticketflow.sla.clock;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.ticketflow.events.SlaMetric;
import io.ticketflow.sla.outbox.OutboxCollection;
import io.ticketflow.sla.outbox.OutboxDocument;
import io.ticketflow.sla.outbox.PendingEvent;
import io.ticketflow.sla.outbox.VersionedUpdate;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code clocks} collection. A new clock is an insert-if-absent; every later change is one
 * conditional replace of the whole document over the version it was computed from (optimistic
 * lock), carrying the events it decided in the same write.
 */
@Component
public class ClockStore implements InitializingBean, OutboxCollection {

    private static final String ID = "_id";
    private static final String PENDING = "pendingEvents";
    private static final List<ClockState> OPEN = List.of(ClockState.RUNNING, ClockState.PAUSED);

    private final MongoTemplate mongo;

    public ClockStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        // _id is the clock id, unique by nature; these serve the look-ups below
        mongo.indexOps(SlaClock.class).createIndex(new Index().on("ticketNo", Sort.Direction.ASC).named("ticketNo"));
        mongo.indexOps(SlaClock.class).createIndex(new Index().on("ticketId", Sort.Direction.ASC)
                .on("metric", Sort.Direction.ASC).on("state", Sort.Direction.ASC).named("ticketId_metric_state"));
        mongo.indexOps(SlaClock.class).createIndex(new Index().on(PENDING + ".recordedAt", Sort.Direction.ASC)
                .sparse().named("pending_recordedAt"));
        // the scheduler's query: the nearest instants something must fire
        mongo.indexOps(SlaClock.class).createIndex(new Index().on("nextFireAt", Sort.Direction.ASC).sparse().named("nextFireAt"));
        // the at-risk board: running clocks by deadline
        mongo.indexOps(SlaClock.class).createIndex(new Index().on("state", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC)
                .named("state_dueAt"));
        // serves every decision's conditional write on {_id, version} (see VersionedUpdate.INDEX)
        mongo.indexOps(SlaClock.class).createIndex(VersionedUpdate.INDEX);
    }

    @Override
    public String name() {
        return "clocks";
    }

    /** Stores a new clock with its pending events; false when a clock with its id already exists. */
    public boolean insertIfAbsent(SlaClock clock) {
        try {
            mongo.insert(clock);
            return true;
        } catch (DuplicateKeyException alreadyStarted) {
            return false;
        }
    }

    /**
     * Writes the next version of a clock if the stored one is still {@code read}'s version; false
     * when another handler or instance changed it meanwhile (the caller re-reads and decides again).
     */
    public boolean replace(SlaClock read, SlaClock next) {
        return VersionedUpdate.write(mongo, next, read.clockId(), read.version(),
                VersionedUpdate.added(read.pendingEvents(), next.pendingEvents()));
    }

    /** A clock by id. */
    public Optional<SlaClock> byId(String clockId) {
        return Optional.ofNullable(mongo.findById(clockId, SlaClock.class));
    }

    /** A ticket's open clocks (running or paused). */
    List<SlaClock> openOf(String ticketId) {
        return mongo.find(query(where("ticketId").is(ticketId).and("state").in(OPEN)), SlaClock.class);
    }

    /** A ticket's open clock of a metric and scope, the latest round first. */
    Optional<SlaClock> open(String ticketId, SlaMetric metric, String scope) {
        return mongo.find(query(where("ticketId").is(ticketId).and("metric").is(metric).and("state").in(OPEN)), SlaClock.class)
                .stream()
                .filter(c -> Objects.equals(c.scope(), scope))
                .max(Comparator.comparingInt(SlaClock::round));
    }

    /** A ticket's clocks, by metric, scope, then round. */
    List<SlaClock> byTicketNo(String ticketNo) {
        return mongo.find(query(where("ticketNo").is(ticketNo)), SlaClock.class).stream()
                .sorted(Comparator.comparing(SlaClock::metric)
                        .thenComparing(SlaClock::scope, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparingInt(SlaClock::round))
                .toList();
    }

    /** Clocks with something to fire at {@code until} or earlier, the nearest first. */
    List<SlaClock> firingUntil(Instant until, int limit) {
        Query query = query(where("nextFireAt").lte(until)).with(Sort.by(Sort.Direction.ASC, "nextFireAt")).limit(limit);
        return mongo.find(query, SlaClock.class);
    }

    /** Running clocks, the nearest deadline first. */
    List<SlaClock> runningByDeadline(int limit) {
        Query query = query(where("state").is(ClockState.RUNNING)).with(Sort.by(Sort.Direction.ASC, "dueAt")).limit(limit);
        return mongo.find(query, SlaClock.class);
    }

    @Override
    public Optional<OutboxDocument> pendingOf(String id) {
        return byId(id).map(SlaClock::asOutbox);
    }

    @Override
    public List<OutboxDocument> pendingSince(Instant recordedBefore, int limit) {
        return mongo.find(query(where(PENDING + ".recordedAt").lte(recordedBefore)).limit(limit), SlaClock.class).stream()
                .map(SlaClock::asOutbox).toList();
    }

    @Override
    public void clear(String id, PendingEvent event) {
        mongo.updateFirst(query(where(ID).is(id)),
                Update.fromDocument(new Document("$pull", new Document(PENDING,
                        new Document("eventId", event.eventId()).append("topic", event.topic())))),
                SlaClock.class);
    }
}
