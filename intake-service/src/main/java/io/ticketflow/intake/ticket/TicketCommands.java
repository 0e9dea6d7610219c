package io.ticketflow.intake.ticket;

import io.ticketflow.events.LifecycleEvent;
import io.ticketflow.events.PersonalData;
import io.ticketflow.events.ReplyAuthor;
import io.ticketflow.events.TicketReplied;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.spring.EventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Commands on an existing ticket. Each one takes the ticket's lease, checks the status rules,
 * publishes the event with sequence = version + 1 and waits for Kafka's acknowledgement, applies
 * the event to the view (so the caller reads its own write) and gives the lease back.
 */
@Service
class TicketCommands {

    private static final Logger log = LoggerFactory.getLogger(TicketCommands.class);

    private final CommandLeases leases;
    private final EventPublisher publisher;
    private final TicketProjection projection;
    private final Clock clock;

    TicketCommands(CommandLeases leases, EventPublisher publisher, TicketProjection projection, Clock clock) {
        this.leases = leases;
        this.publisher = publisher;
        this.projection = projection;
        this.clock = clock;
    }

    TicketView reply(String ticketNo, Reply reply) {
        return change(ticketNo, ticket -> {
            TicketStatus status = ticket.status();
            TicketLifecycle.onReply(status, reply.author())
                    .orElseThrow(() -> new StatusConflictException(ticketNo, status, "reply"));
            boolean firstResponse = reply.author() == ReplyAuthor.AGENT && ticket.firstRespondedAt() == null;
            return new TicketReplied(ticket.id(), ticket.ticketNo(), ticket.version() + 1, now(), reply.author(),
                    reply.agentId(), firstResponse, PersonalData.maskText(reply.message()));
        });
    }

    TicketView resolve(String ticketNo, Resolution resolution) {
        return change(ticketNo, ticket -> {
            TicketStatus status = ticket.status();
            TicketLifecycle.onResolution(status)
                    .orElseThrow(() -> new StatusConflictException(ticketNo, status, "resolution"));
            return new TicketResolved(ticket.id(), ticket.ticketNo(), ticket.version() + 1, now(),
                    resolution.agentId(), PersonalData.maskText(resolution.summary()),
                    PersonalData.maskText(resolution.rootCause()), ticket.resolutions() + 1);
        });
    }

    TicketView change(String ticketNo, Function<Ticket, LifecycleEvent> decide) {
        CommandLeases.Lease lease = leases.acquire(ticketNo);
        boolean settled = true;
        try {
            Ticket ticket = lease.ticket();
            LifecycleEvent event = decide.apply(ticket);
            // one id per ticket and sequence: whatever claims a sequence twice is a duplicate to every consumer
            UUID eventId = LifecycleEventIds.of(ticket.id(), event.sequence());
            settled = false; // from here on Kafka may hold the event even if we hear nothing back
            publisher.publish(eventId, event);
            Ticket after;
            try {
                after = projection.apply(eventId, event, null).ticket();
                settled = true;
            } catch (RuntimeException viewDown) {
                // the event is in Kafka, so the change happened; the listener will project it.
                // Keep the lease until it runs out so no command reads the stale version meanwhile.
                log.warn("view not updated after publishing ticketNo={} eventId={} cause={}", ticketNo, eventId,
                        viewDown.getClass().getSimpleName());
                after = ticket.applying(eventId, event).orElse(ticket);
            }
            log.info("{} ticketNo={} eventId={} sequence={} status={}", event.getClass().getSimpleName(), ticketNo,
                    eventId, event.sequence(), after.status());
            return TicketView.of(after);
        } finally {
            if (settled) {
                release(lease, ticketNo);
            }
        }
    }

    private void release(CommandLeases.Lease lease, String ticketNo) {
        try {
            leases.release(lease);
        } catch (RuntimeException e) {
            // the command is done either way; an unreleased lease simply runs out
            log.warn("lease not released ticketNo={} cause={}", ticketNo, e.getClass().getSimpleName());
        }
    }

    private Instant now() {
        // Mongo keeps milliseconds; events carry the same precision so the view equals the event
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
