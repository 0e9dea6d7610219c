package io.ticketflow.intake.ticket;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.ticketflow.events.LifecycleEvent;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.TicketReassigned;
import io.ticketflow.events.TicketTransferred;
import io.ticketflow.intake.classification.ClassifiedBy;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes events into the {@code tickets} view, idempotently: a lifecycle event applies only when
 * its sequence is the version + 1 (a repeat is a no-op), an assignment only when its number is
 * higher than the one recorded. The Kafka listeners and the command path both come here, so
 * whichever applies an event second changes nothing. Writes are compare-and-set on the
 * document's revision, so concurrent writers never lose each other's changes.
 */
@Component
public class TicketProjection {

    private static final Logger log = LoggerFactory.getLogger(TicketProjection.class);
    private static final int MAX_ATTEMPTS = 16;

    private final MongoTemplate mongo;

    TicketProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Applies a lifecycle event; true if it changed the view. */
    public boolean apply(UUID eventId, LifecycleEvent event) {
        return apply(eventId, event, null).changed();
    }

    /**
     * Applies a just-published TicketCreated together with what only the submission knows (the
     * rules that classified it), which the event itself does not carry.
     */
    public boolean applyCreated(UUID eventId, LifecycleEvent created, ClassifiedBy classifiedBy) {
        return apply(eventId, created, classifiedBy).changed();
    }

    /** Records routing's assignment; true if it changed the view. */
    public boolean assign(UUID eventId, TicketAssigned assigned) {
        Outcome outcome = update(assigned.ticketId(), assigned.ticketNo(), t -> t.assigning(eventId, assigned));
        if (outcome.changed()) {
            log.info("assignee recorded ticketNo={} eventId={} assignmentNo={} agentId={}", assigned.ticketNo(), eventId,
                    assigned.assignmentNo(), assigned.agentId());
        }
        return outcome.changed();
    }

    /** Records a transfer in the ticket's history; true if it changed the view. */
    public boolean transferred(UUID eventId, TicketTransferred transferred) {
        String to = transferred.toAgentId() != null ? "agent " + transferred.toAgentId()
                : "team " + transferred.toTeam();
        String detail = "transfer " + transferred.transferCount() + " to " + to + " (" + transferred.toDepartment() + ")";
        Outcome outcome = update(transferred.ticketId(), transferred.ticketNo(), t -> t.routed(eventId,
                TicketTransferred.class.getSimpleName(), transferred.transferredAt(), transferred.transferredBy(),
                transferred.reason(), detail, null));
        if (outcome.changed()) {
            log.info("transfer recorded ticketNo={} eventId={} transferCount={}", transferred.ticketNo(), eventId,
                    transferred.transferCount());
        }
        return outcome.changed();
    }

    /** Records that routing took the ticket from its agent; the assignee is cleared until the next assignment. */
    public boolean reassigned(UUID eventId, TicketReassigned reassigned) {
        Outcome outcome = update(reassigned.ticketId(), reassigned.ticketNo(), t -> t.routed(eventId,
                TicketReassigned.class.getSimpleName(), reassigned.reassignedAt(), "routing-service",
                reassigned.reason().name(), "taken from " + reassigned.fromAgentId(), reassigned.fromAgentId()));
        if (outcome.changed()) {
            log.info("reassignment recorded ticketNo={} eventId={} reason={}", reassigned.ticketNo(), eventId,
                    reassigned.reason());
        }
        return outcome.changed();
    }

    Outcome apply(UUID eventId, LifecycleEvent event, ClassifiedBy classifiedBy) {
        return apply(eventId, event, classifiedBy, null);
    }

    /**
     * Applies an event and, in the same write, what only the command path knows: the rules that
     * classified a new ticket, the key of the decision the event carries out (so a redelivered
     * request is recognised even when the listener applied the event first).
     */
    Outcome apply(UUID eventId, LifecycleEvent event, ClassifiedBy classifiedBy, String decisionKey) {
        Outcome outcome = update(event.ticketId(), event.ticketNo(), ticket -> {
            Optional<Ticket> next = ticket.applying(eventId, event);
            Optional<Ticket> classified = next.orElse(ticket).classifiedBy(classifiedBy);
            Optional<Ticket> withClassification = classified.isPresent() ? classified : next;
            Optional<Ticket> remembered = withClassification.orElse(ticket).remembering(decisionKey);
            return remembered.isPresent() ? remembered : withClassification;
        });
        log.debug("{} ticketNo={} eventId={} sequence={} version={}", outcome.changed() ? "applied" : "already applied",
                event.ticketNo(), eventId, event.sequence(), outcome.ticket().version());
        return outcome;
    }

    private Outcome update(String ticketId, String ticketNo, Function<Ticket, Optional<Ticket>> change) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Ticket stored = mongo.findById(ticketId, Ticket.class);
            Ticket current = stored == null ? Ticket.placeholder(ticketId, ticketNo) : stored;
            Optional<Ticket> changed = change.apply(current);
            if (changed.isEmpty()) {
                return new Outcome(current, false);
            }
            Ticket next = changed.get().nextRevision();
            if (stored == null) {
                try {
                    mongo.insert(next);
                    return new Outcome(next, true);
                } catch (DuplicateKeyException concurrentInsert) {
                    continue;
                }
            }
            long matched = mongo.replace(
                    query(where("_id").is(ticketId).and("revision").is(current.revision())), next).getMatchedCount();
            if (matched == 1) {
                return new Outcome(next, true);
            }
        }
        throw new ConcurrentTicketUpdateException(ticketNo);
    }

    /** The ticket after an update, and whether the update changed it. */
    record Outcome(Ticket ticket, boolean changed) {
    }
}
