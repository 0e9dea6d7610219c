package io.ticketflow.routing.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.ticketflow.events.EventJson;
import io.ticketflow.events.EventTypes;
import io.ticketflow.events.TicketflowEvent;
import io.ticketflow.events.spring.EventPublishException;
import io.ticketflow.events.spring.EventPublisher;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The single-document outbox (DESIGN §3.1). A state change and the events it causes are written
 * in one Mongo update: the events go into the document's {@value #FIELD} array. Afterwards
 * {@link #flush} publishes them in order with their stored (deterministic) ids and removes each
 * one once Kafka acknowledged it. Whatever a crash or a broker outage leaves behind is published
 * by the {@link OutboxRelay}; consumers deduplicate on {@code ce_id}.
 */
@Component
public class Outbox implements SmartInitializingSingleton {

    /** The array of not yet published events in an owning document. */
    public static final String FIELD = "pendingEvents";

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final Set<String> collections = new CopyOnWriteArraySet<>();

    Outbox(MongoTemplate mongo, EventPublisher publisher) {
        this.mongo = mongo;
        this.publisher = publisher;
    }

    /** The stored form of an event waiting to be published; push it to {@value #FIELD} in the state change's update. */
    public static Document pending(UUID eventId, TicketflowEvent event) {
        return PendingEvent.of(eventId, event).toDocument();
    }

    /** Declares a collection whose documents carry pending events, so the relay looks there too. */
    public void register(String collection) {
        collections.add(collection);
    }

    /** A sparse index holds only the documents with pending events, so the relay never scans a collection. */
    @Override
    public void afterSingletonsInstantiated() {
        collections.forEach(collection -> mongo.indexOps(collection)
                .createIndex(new Index().on(FIELD + "." + PendingEvent.ID, Sort.Direction.ASC).sparse()));
    }

    Set<String> collections() {
        return Set.copyOf(collections);
    }

    /**
     * Publishes the pending events of one document, oldest first, and removes each once acknowledged.
     *
     * @return false when Kafka did not acknowledge an event; the rest stays pending for the relay
     */
    public boolean flush(String collection, String documentId) {
        Query byId = query(where("_id").is(documentId));
        byId.fields().include(FIELD);
        Document document = mongo.findOne(byId, Document.class, collection);
        if (document == null) {
            return true;
        }
        List<Document> pending = document.getList(FIELD, Document.class, List.of());
        for (Document stored : pending) {
            PendingEvent event = PendingEvent.from(stored);
            try {
                publisher.publish(event.id(), EventJson.read(event.type(), event.json().getBytes(UTF_8)));
            } catch (EventPublishException e) {
                log.warn("event left pending for the relay type={} event={} document={} cause={}", event.type(),
                        event.id(), documentId, e.getCause() == null ? e.getClass().getSimpleName()
                                : e.getCause().getClass().getSimpleName());
                return false;
            }
            mongo.updateFirst(query(where("_id").is(documentId)),
                    new Update().pull(FIELD, new Document(PendingEvent.ID, event.id().toString())), collection);
            log.debug("published type={} event={} document={}", event.type(), event.id(), documentId);
        }
        return true;
    }

    /** Ids of documents in a collection that still carry pending events, at most {@code limit}. */
    List<String> documentsWithPendingEvents(String collection, int limit) {
        Query query = query(where(FIELD + "." + PendingEvent.ID).exists(true)).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, collection).stream()
                .map(d -> String.valueOf(d.get("_id")))
                .toList();
    }

    /** One stored event: its {@code ce_id}, its {@code ce_type} and its JSON as it will go on the wire. */
    record PendingEvent(UUID id, String type, String json) {

        static final String ID = "id";
        static final String TYPE = "type";
        static final String JSON = "json";

        static PendingEvent of(UUID id, TicketflowEvent event) {
            return new PendingEvent(id, EventTypes.typeOf(event),
                    new String(EventJson.write(event), UTF_8));
        }

        static PendingEvent from(Document stored) {
            return new PendingEvent(UUID.fromString(stored.getString(ID)), stored.getString(TYPE), stored.getString(JSON));
        }

        Document toDocument() {
            return new Document(ID, id.toString()).append(TYPE, type).append(JSON, json);
        }
    }
}
