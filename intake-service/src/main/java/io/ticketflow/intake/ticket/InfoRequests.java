package io.ticketflow.intake.ticket;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketInfoRequested;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.spring.EventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The TicketInfoRequested every NEEDS_INFO ticket gets as its sequence 2, asking the customer for
 * the missing evidence (the SLA side starts its one-working-day clock on it).
 *
 * <p>The submission publishes it right after TicketCreated and answers 201 only once Kafka holds
 * both. The event is a pure function of the TicketCreated (same id, same time, same missing
 * items), so whoever publishes it publishes the same record. If the submission dies between the
 * two, the repair here finds the ticket (NEEDS_INFO, version 1, older than the grace period)
 * and publishes it under the ticket's command lease. Until then commands on the ticket are
 * "busy", so nothing else can take sequence 2.
 */
@Component
public class InfoRequests {

    private static final Logger log = LoggerFactory.getLogger(InfoRequests.class);
    private static final int REPAIR_BATCH = 100;

    private final EventPublisher publisher;
    private final TicketProjection projection;
    private final CommandLeases leases;
    private final MongoTemplate mongo;
    private final LifecycleProperties properties;
    private final Clock clock;

    InfoRequests(EventPublisher publisher, TicketProjection projection, CommandLeases leases, MongoTemplate mongo,
            LifecycleProperties properties, Clock clock) {
        this.publisher = publisher;
        this.projection = projection;
        this.leases = leases;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** The request a NEEDS_INFO ticket gets; always the same for the same creation. */
    public static TicketInfoRequested requestFor(TicketCreated created) {
        return new TicketInfoRequested(created.ticketId(), created.ticketNo(), created.sequence() + 1,
                created.occurredAt(), created.missingInfo());
    }

    /** Its {@code ce_id}, the same wherever it is published. */
    public static UUID idOf(TicketInfoRequested requested) {
        return LifecycleEventIds.of(requested.ticketId(), requested.sequence());
    }

    /** Publishes the request for a just-created NEEDS_INFO ticket and waits for Kafka's acknowledgement. */
    public TicketInfoRequested publishFor(TicketCreated created) {
        TicketInfoRequested requested = requestFor(created);
        publisher.publish(idOf(requested), requested);
        return requested;
    }

    /** Puts a published request into the view (idempotent, like every projection). */
    public void project(TicketInfoRequested requested) {
        projection.apply(idOf(requested), requested);
    }

    /** Publishes the requests that submissions did not get to publish. */
    @Scheduled(fixedDelayString = "${ticketflow.intake.lifecycle.info-request-repair-interval:10s}",
            initialDelayString = "${ticketflow.intake.lifecycle.info-request-repair-interval:10s}")
    void repairMissing() {
        Instant before = clock.instant().minus(properties.infoRequestGrace());
        List<Ticket> stalled = mongo.find(query(where("status").is(TicketStatus.NEEDS_INFO).and("version").is(1)
                .and("infoRequested").ne(true).and("createdAt").lt(before)).limit(REPAIR_BATCH), Ticket.class);
        for (Ticket ticket : stalled) {
            try {
                repair(ticket.ticketNo());
            } catch (RuntimeException e) {
                // busy, Kafka or MongoDB away: the next round tries again
                log.warn("info request not repaired ticketNo={} cause={}", ticket.ticketNo(), e.getClass().getSimpleName());
            }
        }
    }

    void repair(String ticketNo) {
        CommandLeases.Lease lease = leases.acquire(ticketNo);
        Ticket ticket = lease.ticket();
        if (!ticket.awaitingInfoRequest()) {
            leases.release(lease);
            return;
        }
        TicketInfoRequested requested = new TicketInfoRequested(ticket.id(), ticket.ticketNo(), 2, ticket.createdAt(),
                ticket.missingInfo());
        UUID eventId = idOf(requested);
        publisher.publish(eventId, requested);
        projection.apply(eventId, requested);
        leases.release(lease);
        log.info("TicketInfoRequested ticketNo={} eventId={} sequence=2 repaired=true missingInfo={}", ticketNo, eventId,
                requested.missingInfo());
    }
}
