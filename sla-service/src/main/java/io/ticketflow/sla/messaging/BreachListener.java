package io.ticketflow.sla.messaging;

import io.ticketflow.events.Envelope;
import io.ticketflow.events.SlaBreached;
import io.ticketflow.events.SlaEvent;
import io.ticketflow.events.Topics;
import io.ticketflow.sla.escalation.Escalations;
import io.ticketflow.sla.escalation.TicketStore;
import io.ticketflow.sla.outbox.OutboxRelay;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Listens to its own {@code ticket.sla} for breaches and climbs the escalation ladder. Deriving
 * escalations from the published breach (rather than in the scheduler) means a crash between the
 * breach and its escalation loses nothing: the breach is in Kafka, and this consumer's offset is
 * committed only after the escalation is stored. Its own group, apart from the main listeners.
 */
@Component
class BreachListener {

    static final String GROUP = "sla-service-escalations";

    private final Escalations escalations;
    private final TicketStore tickets;
    private final OutboxRelay outbox;

    BreachListener(Escalations escalations, TicketStore tickets, OutboxRelay outbox) {
        this.escalations = escalations;
        this.tickets = tickets;
        this.outbox = outbox;
    }

    @KafkaListener(topics = Topics.Names.SLA, groupId = GROUP)
    void on(ConsumerRecord<String, SlaEvent> record) {
        Envelope<SlaEvent> envelope = Envelope.of(record);
        if (envelope.event() instanceof SlaBreached breached && escalations.breached(breached, envelope.id())) {
            outbox.flush(tickets, breached.ticketId());
        }
    }
}
