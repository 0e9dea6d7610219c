package io.ticketflow.feedback.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.events.spring.EventPublishException;
import io.ticketflow.events.spring.EventPublisher;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Publishes the pending events of one outbox document and removes each from the document once
 * Kafka has acknowledged it. The state change is already durable when this runs, so a failed
 * publish is not the caller's failure: the event stays pending and the {@link OutboxRelay}
 * publishes it later under the same {@code ce_id}.
 */
@Component
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final Counter failures;

    Outbox(MongoTemplate mongo, EventPublisher publisher, MeterRegistry meters) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.failures = Counter.builder("ticketflow.feedback.outbox.publish.failures")
                .description("Outbox events Kafka did not acknowledge; they stay pending for the relay")
                .register(meters);
    }

    /**
     * Publishes the given pending events of a document, in order, and stops at the first one
     * Kafka does not acknowledge.
     *
     * @return how many were acknowledged and removed; fewer than given means the rest were left for the relay
     */
    public int flush(String collection, String documentId, List<PendingEvent> pending) {
        int published = 0;
        for (PendingEvent event : pending) {
            try {
                publisher.publish(event.uuid(), event.decode());
            } catch (EventPublishException e) {
                failures.increment();
                log.warn("outbox publish failed, left for the relay collection={} document={} eventId={} type={} cause={}",
                        collection, documentId, event.eventId(), event.type(), e.getCause() == null
                                ? e.getClass().getSimpleName() : e.getCause().getClass().getSimpleName());
                return published;
            }
            mongo.updateFirst(query(where("_id").is(documentId)),
                    new Update().pull(OutboxCollection.PENDING, new Document("eventId", event.eventId())), collection);
            log.debug("outbox published collection={} document={} eventId={} type={}",
                    collection, documentId, event.eventId(), event.type());
            published++;
        }
        return published;
    }
}
