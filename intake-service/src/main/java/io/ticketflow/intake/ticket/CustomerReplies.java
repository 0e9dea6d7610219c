package io.ticketflow.intake.ticket;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.ticketflow.events.ReplyAuthor;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * The door for channels that are not HTTP requests to add a customer's reply to a ticket: the
 * same command path as {@code POST /api/v1/tickets/{ticketNo}/replies} with author CUSTOMER.
 */
@Service
public class CustomerReplies {

    private final TicketCommands commands;
    private final MongoTemplate mongo;

    CustomerReplies(TicketCommands commands, MongoTemplate mongo) {
        this.commands = commands;
        this.mongo = mongo;
    }

    /** The id of the ticket with this number, if it exists (placeholders do not). */
    public Optional<String> ticketId(String ticketNo) {
        Ticket ticket = mongo.findOne(query(where("ticketNo").is(ticketNo).and("version").gte(1)), Ticket.class);
        return Optional.ofNullable(ticket).map(Ticket::id);
    }

    /**
     * Adds the customer's message to the ticket; returns once Kafka holds the TicketReplied.
     *
     * @throws StatusConflictException the ticket takes no more replies (resolved or closed)
     * @throws TicketBusyException another command holds the ticket; try again shortly
     */
    public TicketView reply(String ticketNo, String message) {
        return commands.reply(ticketNo, new Reply(ReplyAuthor.CUSTOMER, null, message));
    }
}
