package io.ticketflow.sla.messaging;

import io.ticketflow.events.Envelope;
import io.ticketflow.events.SlaEvent;
import io.ticketflow.events.SlaWarningRaised;
import io.ticketflow.events.TicketEscalated;
import io.ticketflow.events.Topics;
import io.ticketflow.sla.notify.Notifications;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Mails from the published {@code ticket.sla}: after publication by construction, in its own group. */
@Component
class NotificationListener {

    static final String GROUP = "sla-service-notifications";

    private final Notifications notifications;

    NotificationListener(Notifications notifications) {
        this.notifications = notifications;
    }

    @KafkaListener(topics = Topics.Names.SLA, groupId = GROUP)
    void on(ConsumerRecord<String, SlaEvent> record) {
        Envelope<SlaEvent> envelope = Envelope.of(record);
        SlaEvent event = envelope.event();
        if (event instanceof SlaWarningRaised warning) {
            notifications.warningRaised(warning, envelope.id());
        } else if (event instanceof TicketEscalated escalated) {
            notifications.escalated(escalated, envelope.id());
        }
    }
}
