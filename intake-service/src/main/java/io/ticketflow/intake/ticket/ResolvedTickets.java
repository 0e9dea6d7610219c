package io.ticketflow.intake.ticket;

import io.ticketflow.events.Channel;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Reads what a ticket's resolution said (for the knowledge base) and where it came from (for the email channel). */
@Component
public class ResolvedTickets {

    private final MongoTemplate mongo;

    ResolvedTickets(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The ticket's subject, tags and latest resolution summary; empty when intake does not know the ticket. */
    public Optional<Resolved> find(String ticketId) {
        Ticket ticket = mongo.findById(ticketId, Ticket.class);
        if (ticket == null || !ticket.exists()) {
            return Optional.empty();
        }
        return Optional.of(new Resolved(ticket.id(), ticket.ticketNo(), ticket.subject(), ticket.tags(),
                ticket.resolutionSummary()));
    }

    /** The channel a ticket came in by and the customer id it was filed under; empty when intake does not know it. */
    public Optional<Origin> origin(String ticketId) {
        Ticket ticket = mongo.findById(ticketId, Ticket.class);
        if (ticket == null || !ticket.exists()) {
            return Optional.empty();
        }
        return Optional.of(new Origin(ticket.channel(), ticket.customerId()));
    }

    /** Where a ticket came from; {@code customerId} may be null (a mail's sender is only a contact). */
    public record Origin(Channel channel, String customerId) {
    }

    /** A ticket as the knowledge base sees it; {@code summary} is null while it was never resolved. */
    public record Resolved(String ticketId, String ticketNo, String subject, List<String> tags, String summary) {
    }
}
