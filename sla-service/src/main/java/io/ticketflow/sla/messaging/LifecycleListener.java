package io.ticketflow.sla.messaging;

import io.ticketflow.events.Envelope;
import io.ticketflow.events.LifecycleEvent;
import io.ticketflow.events.TicketClosed;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketFlagged;
import io.ticketflow.events.TicketHeld;
import io.ticketflow.events.TicketInfoProvided;
import io.ticketflow.events.TicketInfoRequested;
import io.ticketflow.events.TicketReclassified;
import io.ticketflow.events.TicketReopened;
import io.ticketflow.events.TicketReplied;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.TicketResumed;
import io.ticketflow.events.Topics;
import io.ticketflow.sla.clock.ClockStore;
import io.ticketflow.sla.clock.SlaClocks;
import io.ticketflow.sla.escalation.Escalations;
import io.ticketflow.sla.escalation.TicketStore;
import io.ticketflow.sla.outbox.OutboxRelay;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Drives the clocks and the tickets' escalation records from {@code ticket.lifecycle}. The
 * changes are stored before this method returns (and so before the offset is committed); their
 * events are then published, or left for the relay when Kafka does not take them. Failures of
 * the store propagate, so the shared error handler retries and finally dead-letters the record.
 */
@Component
class LifecycleListener {

    private static final Logger log = LoggerFactory.getLogger(LifecycleListener.class);

    private final SlaClocks clocks;
    private final Escalations escalations;
    private final ClockStore clockStore;
    private final TicketStore ticketStore;
    private final OutboxRelay outbox;

    LifecycleListener(SlaClocks clocks, Escalations escalations, ClockStore clockStore, TicketStore ticketStore, OutboxRelay outbox) {
        this.clocks = clocks;
        this.escalations = escalations;
        this.clockStore = clockStore;
        this.ticketStore = ticketStore;
        this.outbox = outbox;
    }

    @KafkaListener(topics = Topics.Names.LIFECYCLE)
    void on(ConsumerRecord<String, LifecycleEvent> record) {
        Envelope<LifecycleEvent> envelope = Envelope.of(record);
        LifecycleEvent event = envelope.event();
        UUID id = envelope.id();
        List<String> touched;
        if (event instanceof TicketCreated created) {
            escalations.ticketCreated(created);
            touched = clocks.ticketCreated(created, id);
        } else if (event instanceof TicketReplied replied) {
            touched = clocks.ticketReplied(replied, id);
        } else if (event instanceof TicketResolved resolved) {
            touched = clocks.ticketResolved(resolved, id);
        } else if (event instanceof TicketReopened reopened) {
            escalations.reopened(reopened);
            touched = clocks.ticketReopened(reopened, id);
        } else if (event instanceof TicketClosed closed) {
            escalations.closed(closed);
            touched = clocks.ticketClosed(closed, id);
        } else if (event instanceof TicketHeld held) {
            touched = clocks.ticketHeld(held, id);
        } else if (event instanceof TicketResumed resumed) {
            touched = clocks.ticketResumed(resumed, id);
        } else if (event instanceof TicketInfoRequested requested) {
            touched = clocks.infoRequested(requested, id);
        } else if (event instanceof TicketInfoProvided provided) {
            touched = clocks.infoProvided(provided, id);
        } else if (event instanceof TicketReclassified reclassified) {
            escalations.reclassified(reclassified);
            touched = clocks.reclassified(reclassified, id);
        } else if (event instanceof TicketFlagged flagged) {
            if (escalations.flagged(flagged, id)) {
                outbox.flush(ticketStore, flagged.ticketId());
            }
            return;
        } else {
            log.debug("ignoring {} ticketNo={} eventId={}", envelope.type(), envelope.subject(), envelope.id());
            return;
        }
        Flush.clocks(outbox, clockStore, touched);
    }
}
