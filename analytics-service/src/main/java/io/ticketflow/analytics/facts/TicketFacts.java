package io.ticketflow.analytics.facts;

import static io.ticketflow.analytics.facts.FactFields.APPLIED_EVENT_IDS;
import static io.ticketflow.analytics.facts.FactFields.COLLECTION;
import static io.ticketflow.analytics.facts.FactFields.CREATED_AT;
import static io.ticketflow.analytics.facts.FactFields.CLOSED_AT;
import static io.ticketflow.analytics.facts.FactFields.ID;
import static io.ticketflow.analytics.facts.FactFields.LAST_EVENT_AT;
import static io.ticketflow.analytics.facts.FactFields.TICKET_NO;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.client.result.UpdateResult;
import io.ticketflow.events.Envelope;
import io.ticketflow.events.TicketflowEvent;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.stream.Stream;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The {@code ticket_facts} collection: one document per ticket id, fed only by events.
 * <p>
 * Each event is applied with one conditional update, {@code {_id: ticketId, appliedEventIds:
 * {$ne: ce_id}}}, as an upsert, so a redelivered event matches nothing and changes nothing, and
 * an event that overtakes its ticket's {@code TicketCreated} still creates the document. When the
 * document already holds the event, the upsert's insert collides on {@code _id}; so does a
 * concurrent first upsert by another topic's listener. Both cases are settled by retrying once as
 * a plain conditional update: it matches in the race and matches nothing for a duplicate.
 */
@Component
public class TicketFacts {

    private static final Logger log = LoggerFactory.getLogger(TicketFacts.class);

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;

    public TicketFacts(MongoTemplate mongo, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.events = events;
    }

    /**
     * The KPI window selects by creation time, the timeline by ticket number, reports by last
     * activity, the backlog by closing; indexes are an optimisation, so a failure only warns.
     */
    @EventListener(ApplicationReadyEvent.class)
    void indexCreationTime() {
        for (String field : new String[] {CREATED_AT, TICKET_NO, LAST_EVENT_AT, CLOSED_AT}) {
            try {
                mongo.indexOps(COLLECTION).createIndex(new Index(field, Sort.Direction.ASC));
            } catch (RuntimeException e) {
                log.warn("index not created collection={} field={} cause={}", COLLECTION, field, e.getClass().getSimpleName());
            }
        }
    }

    /** Applies an event to its ticket's facts, at most once per {@code ce_id}. */
    public RecordOutcome record(Envelope<? extends TicketflowEvent> envelope) {
        Optional<FactChange> found = FactChange.of(envelope);
        if (found.isEmpty()) {
            return RecordOutcome.IGNORED;
        }
        FactChange change = found.get();
        Query notYetApplied = Query.query(where(ID).is(change.ticketId())
                .and(APPLIED_EVENT_IDS).ne(envelope.id().toString()));
        boolean applied;
        try {
            UpdateResult result = mongo.upsert(notYetApplied, change.update(), COLLECTION);
            applied = result.getMatchedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException alreadyThere) {
            applied = mongo.updateFirst(notYetApplied, change.update(), COLLECTION).getMatchedCount() > 0;
        }
        if (!applied) {
            log.debug("event already recorded type={} ticketNo={} eventId={}", envelope.type(), change.ticketNo(), envelope.id());
            return RecordOutcome.DUPLICATE;
        }
        log.info("event recorded type={} ticketNo={} eventId={}", envelope.type(), change.ticketNo(), envelope.id());
        events.publishEvent(new TicketFactsChanged(change.ticketId(), envelope.event()));
        return RecordOutcome.APPLIED;
    }

    /** One ticket's facts, if any event about it arrived. */
    public Optional<TicketFact> find(String ticketId) {
        Document document = mongo.findById(ticketId, Document.class, COLLECTION);
        return Optional.ofNullable(document).map(FactDocuments::read);
    }

    /** The facts of the ticket with this number, if any event about it arrived. */
    public Optional<TicketFact> findByTicketNo(String ticketNo) {
        Query query = Query.query(where(TICKET_NO).is(ticketNo));
        query.fields().exclude(APPLIED_EVENT_IDS);
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(FactDocuments::read);
    }

    /**
     * Every ticket not closed yet, whether or not its creation arrived: what the backlog and the
     * running SLA clocks are read from. Cost: one pass over the unclosed tickets. Close the stream.
     */
    public Stream<TicketFact> notClosed() {
        Query query = Query.query(where(CLOSED_AT).exists(false));
        query.fields().exclude(APPLIED_EVENT_IDS);
        return mongo.stream(query, Document.class, COLLECTION).map(FactDocuments::read);
    }

    /** Every ticket with an event that happened at or after {@code since} (business time). Close the stream. */
    public Stream<TicketFact> activeSince(Instant since) {
        Query query = Query.query(where(LAST_EVENT_AT).gte(Date.from(since)));
        query.fields().exclude(APPLIED_EVENT_IDS);
        return mongo.stream(query, Document.class, COLLECTION).map(FactDocuments::read);
    }

    /**
     * The facts of every ticket created in {@code [from, to)}; a null bound is open. Tickets
     * whose creation has not arrived yet are not included. Close the stream.
     */
    public Stream<TicketFact> createdBetween(@Nullable Instant from, @Nullable Instant to) {
        Criteria created = where(CREATED_AT);
        if (from == null && to == null) {
            created = created.exists(true);
        }
        if (from != null) {
            created = created.gte(Date.from(from));
        }
        if (to != null) {
            created = created.lt(Date.from(to));
        }
        Query query = Query.query(created);
        query.fields().exclude(APPLIED_EVENT_IDS);
        return mongo.stream(query, Document.class, COLLECTION).map(FactDocuments::read);
    }
}
