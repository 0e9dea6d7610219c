package io.ticketflow.feedback.callback;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.ticketflow.feedback.outbox.OutboxCollection;
import io.ticketflow.feedback.outbox.PendingEvent;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The callback tasks in Mongo. */
@Component
class CallbackTasks implements InitializingBean {

    private final MongoTemplate mongo;

    CallbackTasks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        IndexOperations indexes = mongo.indexOps(CallbackTask.class);
        indexes.createIndex(new Index("status", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC).named("callback_status_due"));
        indexes.createIndex(new Index("team", Sort.Direction.ASC).on("status", Sort.Direction.ASC).named("callback_team_status"));
        indexes.createIndex(new Index(OutboxCollection.PENDING + ".since", Sort.Direction.ASC).sparse().named("callback_pending"));
    }

    /** Stores a new callback; false when its survey already opened one. */
    boolean insert(CallbackTask task) {
        try {
            mongo.insert(task);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<CallbackTask> byId(String callbackId) {
        return Optional.ofNullable(mongo.findById(callbackId, CallbackTask.class));
    }

    /** Callbacks in the given status and of the given team, or all, soonest due first. */
    List<CallbackTask> find(@Nullable CallbackStatus status, @Nullable String team) {
        Criteria criteria = new Criteria();
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (team != null) {
            criteria = criteria.and("team").is(team);
        }
        return mongo.find(query(criteria).with(Sort.by("dueAt", "_id")), CallbackTask.class);
    }

    /**
     * Stores the task after a call, with that call's events, if and only if nobody recorded a call
     * since {@code before} was read (same status and attempt count). Empty when someone did.
     */
    Optional<CallbackTask> recordCall(CallbackTask before, CallbackTask after) {
        List<PendingEvent> added = after.pending().subList(before.pending().size(), after.pending().size());
        Update update = new Update()
                .set("status", after.status())
                .set("attempts", after.attempts())
                .set("outcome", after.outcome())
                .set("calledBy", after.calledBy())
                .set("reached", after.reached())
                .set("rootCause", after.rootCause())
                .set("factor", after.factor())
                .set("notes", after.notes())
                .set("completedAt", after.completedAt())
                .push(OutboxCollection.PENDING).each(added.toArray());
        return Optional.ofNullable(mongo.findAndModify(
                query(where("_id").is(before.callbackId()).and("status").is(before.status()).and("attempts").is(before.attempts())),
                update, FindAndModifyOptions.options().returnNew(true), CallbackTask.class));
    }
}
