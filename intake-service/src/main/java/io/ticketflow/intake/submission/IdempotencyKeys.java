package io.ticketflow.intake.submission;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Claims on Idempotency-Keys. A submission claims its key with an insert (the unique {@code _id}
 * lets only one win), publishes, then marks the key completed. A claim that outlives its timeout
 * (its holder crashed, or Kafka did not answer) may be taken over by a retry.
 */
@Component
class IdempotencyKeys implements InitializingBean {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final IdempotencyProperties properties;

    IdempotencyKeys(MongoTemplate mongo, Clock clock, IdempotencyProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        // MongoDB removes a key once expiresAt has passed
        mongo.indexOps(IdempotencyRecord.class).createIndex(
                new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO).named("expiresAt_ttl"));
    }

    Optional<IdempotencyRecord> find(String key) {
        return Optional.ofNullable(mongo.findById(key, IdempotencyRecord.class));
    }

    /** Claims a fresh key for a draft; false if another request claimed it first. */
    boolean claim(String key, String fingerprint, Draft draft) {
        try {
            mongo.insert(IdempotencyRecord.claim(key, fingerprint, draft, clock.instant(), properties));
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /** Takes over a claim whose holder ran out of time; empty if it is completed or still held. */
    Optional<IdempotencyRecord> takeOver(String key) {
        Instant now = clock.instant();
        return Optional.ofNullable(mongo.findAndModify(
                query(where("_id").is(key).and("completedAt").is(null).and("claimedUntil").lt(now)),
                new Update().set("claimedUntil", now.plus(properties.claimTimeout())),
                FindAndModifyOptions.options().returnNew(true),
                IdempotencyRecord.class));
    }

    /** The ticket was accepted: later requests with this key get the same answer. */
    void complete(String key) {
        mongo.updateFirst(query(where("_id").is(key)),
                new Update().set("completedAt", clock.instant()).unset("claimedUntil"), IdempotencyRecord.class);
    }

    /** The attempt failed before Kafka confirmed: let the client's retry take over at once. */
    void release(String key) {
        mongo.updateFirst(query(where("_id").is(key).and("completedAt").is(null)),
                new Update().set("claimedUntil", clock.instant()), IdempotencyRecord.class);
    }
}
