package io.ticketflow.intake.ticket;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Reads what a ticket's resolution said, for the knowledge base. Everything here is masked. */
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

    /** A ticket as the knowledge base sees it; {@code summary} is null while it was never resolved. */
    public record Resolved(String ticketId, String ticketNo, String subject, List<String> tags, String summary) {
    }
}
