package io.ticketflow.feedback.messaging;

import io.ticketflow.events.Envelope;
import io.ticketflow.events.LifecycleEvent;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.Topics;
import io.ticketflow.feedback.survey.SurveyIssuer;
import io.ticketflow.feedback.ticket.TicketRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Intake's ticket lifecycle: a created ticket is remembered, a resolved one is surveyed. Both
 * handlers are idempotent, so a redelivered record changes nothing; a failure propagates to the
 * shared error handler (retry, then {@code ticket.lifecycle-dlt}).
 */
@Component
class LifecycleListener {

    private static final Logger log = LoggerFactory.getLogger(LifecycleListener.class);

    private final TicketRecords tickets;
    private final SurveyIssuer surveys;

    LifecycleListener(TicketRecords tickets, SurveyIssuer surveys) {
        this.tickets = tickets;
        this.surveys = surveys;
    }

    @KafkaListener(topics = Topics.Names.LIFECYCLE)
    void on(ConsumerRecord<String, LifecycleEvent> record) {
        Envelope<LifecycleEvent> envelope = Envelope.of(record);
        LifecycleEvent event = envelope.event();
        if (event instanceof TicketCreated created) {
            tickets.remember(created);
        } else if (event instanceof TicketResolved resolved) {
            surveys.issueFor(resolved, envelope.id());
        } else {
            log.debug("ignored type={} eventId={} ticketNo={}", envelope.type(), envelope.id(), envelope.subject());
        }
    }
}
