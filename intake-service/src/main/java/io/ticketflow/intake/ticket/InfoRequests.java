package io.ticketflow.intake.ticket;

import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketInfoRequested;
import io.ticketflow.events.spring.EventPublisher;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The TicketInfoRequested every NEEDS_INFO ticket gets as its sequence 2, asking the customer for
 * the missing evidence (the SLA side starts its one-working-day clock on it).
 *
 * <p>The submission publishes it right after TicketCreated and answers 201 only once Kafka holds
 * both. The event is a pure function of the TicketCreated (same id, same time, same missing
 * items; see {@link Ticket#owedFollowUp()}), so whoever publishes it publishes the same record.
 * If the submission dies between the two, {@link FollowUpRepair} publishes it later; until then
 * commands on the ticket are "busy", so nothing else can take sequence 2.
 */
@Component
public class InfoRequests {

    private final EventPublisher publisher;
    private final TicketProjection projection;

    InfoRequests(EventPublisher publisher, TicketProjection projection) {
        this.publisher = publisher;
        this.projection = projection;
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
}
