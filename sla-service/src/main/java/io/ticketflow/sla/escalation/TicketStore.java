package io.ticketflow.sla.escalation;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.ticketflow.sla.outbox.OutboxCollection;
import io.ticketflow.sla.outbox.OutboxDocument;
import io.ticketflow.sla.outbox.PendingEvent;
import io.ticketflow.sla.outbox.VersionedUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code tickets} collection: one document per ticket. Changes are computed on the document
 * read and written only over the version read (insert-if-absent for the first one); a lost race
 * re-reads and computes again, so facts arriving concurrently from several topics all land.
 */
@Component
public class TicketStore implements InitializingBean, OutboxCollection {

    private static final String PENDING = "pendingEvents";
    private static final int ATTEMPTS = 20;

    private final MongoTemplate mongo;

    public TicketStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(SlaTicket.class).createIndex(new Index().on("ticketNo", Sort.Direction.ASC).named("ticketNo"));
        mongo.indexOps(SlaTicket.class).createIndex(new Index().on(PENDING + ".recordedAt", Sort.Direction.ASC)
                .sparse().named("pending_recordedAt"));
        // serves the conditional write on {_id, version} (see VersionedUpdate.INDEX)
        mongo.indexOps(SlaTicket.class).createIndex(VersionedUpdate.INDEX);
    }

    @Override
    public String name() {
        return "tickets";
    }

    /** The ticket, if any fact about it arrived. */
    public Optional<SlaTicket> byId(String ticketId) {
        return Optional.ofNullable(mongo.findById(ticketId, SlaTicket.class));
    }

    /**
     * Applies a change to the ticket (a blank one when nothing is known yet) and stores it; returns
     * the stored ticket. A change that returns its input unchanged writes nothing.
     */
    public SlaTicket update(String ticketId, String ticketNo, UnaryOperator<SlaTicket> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<SlaTicket> stored = byId(ticketId);
            SlaTicket read = stored.orElseGet(() -> SlaTicket.blank(ticketId, ticketNo));
            SlaTicket next = change.apply(read);
            if (stored.isPresent() && next.equals(read)) {
                return read;
            }
            SlaTicket written = next.withVersion(read.version() + 1);
            if (stored.isEmpty()) {
                try {
                    mongo.insert(written);
                    return written;
                } catch (DuplicateKeyException raced) {
                    continue;
                }
            }
            if (VersionedUpdate.write(mongo, written, ticketId, read.version(),
                    VersionedUpdate.added(read.pendingEvents(), written.pendingEvents()))) {
                return written;
            }
        }
        throw new IllegalStateException("ticket " + ticketNo + " kept changing under " + ATTEMPTS + " attempts");
    }

    @Override
    public Optional<OutboxDocument> pendingOf(String id) {
        return byId(id).map(SlaTicket::asOutbox);
    }

    @Override
    public List<OutboxDocument> pendingSince(Instant recordedBefore, int limit) {
        return mongo.find(query(where(PENDING + ".recordedAt").lte(recordedBefore)).limit(limit), SlaTicket.class).stream()
                .map(SlaTicket::asOutbox).toList();
    }

    @Override
    public void clear(String id, PendingEvent event) {
        mongo.updateFirst(query(where("_id").is(id)),
                Update.fromDocument(new Document("$pull", new Document(PENDING,
                        new Document("eventId", event.eventId()).append("topic", event.topic())))),
                SlaTicket.class);
    }
}
