package io.ticketflow.sla.clock;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.ticketflow.events.SlaMetric;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
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
 * The {@code clocks} collection. Every change is one conditional single-document write, and every
 * change that publishes something stores the pending event in that same write.
 */
@Component
public class ClockStore implements InitializingBean {

    private static final String ID = "_id";
    private static final String PENDING = "pendingEvents";

    private final MongoTemplate mongo;

    ClockStore(MongoTemplate mongo) {
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
    }

    /** Stores a new clock with its pending events; false when a clock with its id already exists. */
    boolean insertIfAbsent(SlaClock clock) {
        try {
            mongo.insert(clock);
            return true;
        } catch (DuplicateKeyException alreadyStarted) {
            return false;
        }
    }

    /** The ticket's running clock for a metric, the latest round first. */
    Optional<SlaClock> running(String ticketId, SlaMetric metric) {
        Query query = query(where("ticketId").is(ticketId).and("metric").is(metric).and("state").is(ClockState.RUNNING))
                .with(Sort.by(Sort.Direction.DESC, "round"));
        return Optional.ofNullable(mongo.findOne(query, SlaClock.class));
    }

    /**
     * Stops a clock if it is still running, storing its pending {@code SlaClockMet} in the same
     * write; false when it had already stopped.
     */
    boolean markMet(String clockId, SlaClock.Met met) {
        Query stillRunning = query(where(ID).is(clockId).and("state").is(ClockState.RUNNING));
        Update update = new Update()
                .set("state", ClockState.MET)
                .set("metAt", met.metAt())
                .set("onTime", met.onTime())
                .push(PENDING, met.event());
        return mongo.updateFirst(stillRunning, update, SlaClock.class).getModifiedCount() == 1;
    }

    /** A clock by id. */
    public Optional<SlaClock> byId(String clockId) {
        return Optional.ofNullable(mongo.findById(clockId, SlaClock.class));
    }

    /** A ticket's clocks, by metric then round. */
    List<SlaClock> byTicketNo(String ticketNo) {
        return mongo.find(query(where("ticketNo").is(ticketNo)), SlaClock.class).stream()
                .sorted(Comparator.comparing(SlaClock::metric).thenComparingInt(SlaClock::round))
                .toList();
    }

    /** Forgets a pending event once Kafka acknowledged it. */
    public void clearPending(String clockId, String eventId) {
        mongo.updateFirst(query(where(ID).is(clockId)),
                Update.fromDocument(new Document("$pull", new Document(PENDING, new Document("eventId", eventId)))),
                SlaClock.class);
    }

    /** Clocks holding an event pending since {@code recordedBefore} or earlier: left behind by a crash or a Kafka outage. */
    public List<SlaClock> withEventsPendingSince(Instant recordedBefore, int limit) {
        return mongo.find(query(where(PENDING + ".recordedAt").lte(recordedBefore)).limit(limit), SlaClock.class);
    }
}
