package io.ticketflow.analytics.selfservice;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.ticketflow.events.AnswerAccepted;
import io.ticketflow.events.Envelope;
import io.ticketflow.events.SelfServiceEvent;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The {@code selfservice_answers} collection: one document per accepted self-service answer
 * ({@code _id} = {@code ce_id}, so a second delivery collides and changes nothing). The
 * denominator-free half of the deflection rate.
 */
@Component
public class SelfServiceAnswers {

    private static final Logger log = LoggerFactory.getLogger(SelfServiceAnswers.class);
    static final String COLLECTION = "selfservice_answers";

    private final MongoTemplate mongo;

    public SelfServiceAnswers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records an accepted answer once; true when it was new. */
    public boolean record(Envelope<? extends SelfServiceEvent> envelope) {
        if (!(envelope.event() instanceof AnswerAccepted)) {
            return false;
        }
        AnswerAccepted answer = (AnswerAccepted) envelope.event();
        try {
            mongo.insert(new Document("_id", envelope.id().toString())
                    .append("questionId", answer.questionId())
                    .append("articleId", answer.articleId())
                    .append("channel", answer.channel().name())
                    .append("acceptedAt", Date.from(answer.occurredAt())), COLLECTION);
            log.info("self-service answer recorded articleId={} eventId={}", answer.articleId(), envelope.id());
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    /** Answers accepted in {@code [from, to)} (null bounds are open), optionally on one channel only. */
    public long acceptedBetween(@Nullable Instant from, @Nullable Instant to, @Nullable String channel) {
        Criteria criteria = where("acceptedAt");
        if (from == null && to == null) {
            criteria = criteria.exists(true);
        }
        if (from != null) {
            criteria = criteria.gte(Date.from(from));
        }
        if (to != null) {
            criteria = criteria.lt(Date.from(to));
        }
        if (channel != null) {
            criteria = criteria.and("channel").is(channel);
        }
        return mongo.count(Query.query(criteria), COLLECTION);
    }
}
