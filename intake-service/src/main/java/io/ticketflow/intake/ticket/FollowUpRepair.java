package io.ticketflow.intake.ticket;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.ticketflow.events.LifecycleEvent;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.spring.EventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the follow-ups ({@link Ticket#owedFollowUp()}) that the step causing them did not get
 * to publish because intake stopped in between: the TicketInfoRequested of a NEEDS_INFO ticket,
 * the TicketResumed after the customer answered a ticket held for them. It looks only at tickets
 * owing one for longer than {@code ticketflow.intake.lifecycle.follow-up-grace} (the cause
 * normally publishes within milliseconds), takes the ticket's command lease, checks again and
 * publishes the very record the cause would have published, under the same id.
 */
@Component
class FollowUpRepair {

    private static final Logger log = LoggerFactory.getLogger(FollowUpRepair.class);
    private static final int BATCH = 100;

    private final EventPublisher publisher;
    private final TicketProjection projection;
    private final CommandLeases leases;
    private final MongoTemplate mongo;
    private final LifecycleProperties properties;
    private final Clock clock;

    FollowUpRepair(EventPublisher publisher, TicketProjection projection, CommandLeases leases, MongoTemplate mongo,
            LifecycleProperties properties, Clock clock) {
        this.publisher = publisher;
        this.projection = projection;
        this.leases = leases;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ticketflow.intake.lifecycle.follow-up-repair-interval:10s}",
            initialDelayString = "${ticketflow.intake.lifecycle.follow-up-repair-interval:10s}")
    void repairOwed() {
        Instant before = clock.instant().minus(properties.followUpGrace());
        Criteria infoRequestOwed = where("status").is(TicketStatus.NEEDS_INFO).and("version").is(1)
                .and("infoRequested").ne(true).and("createdAt").lt(before);
        Criteria resumeOwed = where("status").is(TicketStatus.PENDING).and("resumeOwedSince").lt(before);
        List<Ticket> owing = mongo.find(query(new Criteria().orOperator(infoRequestOwed, resumeOwed)).limit(BATCH),
                Ticket.class);
        for (Ticket ticket : owing) {
            try {
                repair(ticket.ticketNo());
            } catch (RuntimeException e) {
                // busy, Kafka or MongoDB away: the next round tries again
                log.warn("follow-up not repaired ticketNo={} cause={}", ticket.ticketNo(), e.getClass().getSimpleName());
            }
        }
    }

    /** Publishes what the ticket owes, if it still owes it; gives the lease back only once the view has it. */
    void repair(String ticketNo) {
        CommandLeases.Lease lease = leases.acquire(ticketNo);
        Optional<LifecycleEvent> owed = lease.ticket().owedFollowUp();
        if (owed.isEmpty()) {
            leases.release(lease);
            return;
        }
        LifecycleEvent event = owed.get();
        UUID eventId = LifecycleEventIds.of(event.ticketId(), event.sequence());
        publisher.publish(eventId, event);
        projection.apply(eventId, event);
        leases.release(lease);
        log.info("{} ticketNo={} eventId={} sequence={} repaired=true", event.getClass().getSimpleName(), ticketNo,
                eventId, event.sequence());
    }
}
