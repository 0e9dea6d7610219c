package io.ticketflow.intake.ticket;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.ticketflow.events.Channel;
import io.ticketflow.events.Priority;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.TicketType;
import java.time.Instant;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * What a ticket search asks for; every part is optional. {@code from} is inclusive, {@code to}
 * exclusive, both on the creation time.
 */
record TicketFilter(String customerId, TicketStatus status, Priority priority, TicketType type, Channel channel,
        Instant from, Instant to) {

    Criteria criteria() {
        Criteria criteria = where("version").gte(1);
        if (customerId != null && !customerId.isBlank()) {
            criteria = criteria.and("customerId").is(customerId.strip());
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (priority != null) {
            criteria = criteria.and("priority").is(priority);
        }
        if (type != null) {
            criteria = criteria.and("type").is(type);
        }
        if (channel != null) {
            criteria = criteria.and("channel").is(channel);
        }
        if (from != null && to != null) {
            criteria = criteria.and("createdAt").gte(from).lt(to);
        } else if (from != null) {
            criteria = criteria.and("createdAt").gte(from);
        } else if (to != null) {
            criteria = criteria.and("createdAt").lt(to);
        }
        return criteria;
    }
}
