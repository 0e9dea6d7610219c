package io.ticketflow.feedback.callback;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.ticketflow.feedback.outbox.OutboxCollection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Query;
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

    /** Callbacks in the given status, or all, soonest due first. */
    List<CallbackTask> byStatus(@Nullable CallbackStatus status) {
        Query query = status == null ? new Query() : query(where("status").is(status));
        return mongo.find(query.with(Sort.by("dueAt", "_id")), CallbackTask.class);
    }
}
