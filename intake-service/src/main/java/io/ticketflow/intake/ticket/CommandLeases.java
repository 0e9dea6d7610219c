package io.ticketflow.intake.ticket;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Short per-ticket leases kept in the ticket document, so two commands on one ticket never both
 * read version n and publish sequence n + 1. Taking one is a single {@code findAndModify} that
 * succeeds only if no unexpired lease is there; a lease runs out by itself if its holder dies.
 */
@Component
class CommandLeases {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final CommandProperties properties;

    CommandLeases(MongoTemplate mongo, Clock clock, CommandProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Takes the ticket's lease and returns the ticket as it is under the lease.
     *
     * @throws TicketNotFoundException if there is no such ticket
     * @throws TicketBusyException     if another command holds it
     */
    Lease acquire(String ticketNo) {
        Instant now = clock.instant();
        Ticket.CommandLease lease = new Ticket.CommandLease(UUID.randomUUID().toString(), now.plus(properties.lease()));
        Ticket ticket = mongo.findAndModify(
                query(existing(ticketNo).orOperator(where("commandLease").is(null), where("commandLease.until").lt(now))),
                new Update().set("commandLease", lease).inc("revision", 1),
                FindAndModifyOptions.options().returnNew(true),
                Ticket.class);
        if (ticket != null) {
            return new Lease(lease.id(), ticket);
        }
        if (mongo.exists(query(existing(ticketNo)), Ticket.class)) {
            throw new TicketBusyException(ticketNo);
        }
        throw new TicketNotFoundException(ticketNo);
    }

    /** Gives the lease back, if it is still this holder's. */
    void release(Lease lease) {
        mongo.updateFirst(
                query(where("_id").is(lease.ticket().id()).and("commandLease.id").is(lease.id())),
                new Update().unset("commandLease").inc("revision", 1),
                Ticket.class);
    }

    private static Criteria existing(String ticketNo) {
        return where("ticketNo").is(ticketNo).and("version").gte(1);
    }

    /** A held lease and the ticket as it was read under it. */
    record Lease(String id, Ticket ticket) {
    }
}
