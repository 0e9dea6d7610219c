package io.ticketflow.sla.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Writes the next version of a document over the version it was computed from, in one
 * single-document update: every field is set except the pending events, to which only the newly
 * decided ones are appended. So a concurrent {@code $pull} of a published event (the outbox
 * forgetting it) is never undone by a state change computed from an older read.
 */
public final class VersionedUpdate {

    private static final String PENDING = "pendingEvents";

    /**
     * The index that serves {@link #write}'s filter, {@code {_id, version}}. Redundant on MongoDB
     * (the _id index finds the document), but the Mongo-wire server used by the local stack and the
     * tests picks an index only when its keys equal the query's; without this one every decision
     * scanned the collection, which made each breach cost in proportion to the clocks stored.
     */
    public static final IndexDefinition INDEX = new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC)
            .unique().named("id_version");

    private VersionedUpdate() {
    }

    /** True when the stored document was still at {@code readVersion} and now holds {@code next}. */
    public static boolean write(MongoTemplate mongo, Object next, String id, long readVersion, List<PendingEvent> added) {
        Document document = new Document();
        mongo.getConverter().write(next, document);
        Update update = new Update();
        document.forEach((field, value) -> {
            if (!field.equals("_id") && !field.equals(PENDING) && !field.equals("_class") && !field.equals("version")) {
                update.set(field, value);
            }
        });
        // fields that became null are absent from the mapped document: unset them
        String idProperty = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(next.getClass())
                .getRequiredIdProperty().getName();
        for (java.lang.reflect.RecordComponent component : next.getClass().getRecordComponents()) {
            String field = component.getName();
            if (!field.equals(PENDING) && !field.equals("version") && !field.equals(idProperty) && !document.containsKey(field)) {
                update.unset(field);
            }
        }
        update.set("version", readVersion + 1);
        if (!added.isEmpty()) {
            update.push(PENDING).each(added.toArray());
        }
        return mongo.updateFirst(query(where("_id").is(id).and("version").is(readVersion)), update, next.getClass())
                .getModifiedCount() == 1;
    }

    /** The pending events of {@code next} that {@code read} did not hold. */
    public static List<PendingEvent> added(List<PendingEvent> read, List<PendingEvent> next) {
        return next.stream()
                .filter(n -> read.stream().noneMatch(r -> r.eventId().equals(n.eventId()) && r.topic().equals(n.topic())))
                .toList();
    }
}
