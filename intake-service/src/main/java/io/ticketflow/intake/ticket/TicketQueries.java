package io.ticketflow.intake.ticket;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.ticketflow.events.TicketStatus;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads of the {@code tickets} view. Placeholders (not yet created) are never shown. */
@Component
class TicketQueries {

    private final MongoTemplate mongo;

    TicketQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    TicketView byNumber(String ticketNo) {
        Ticket ticket = mongo.findOne(query(where("ticketNo").is(ticketNo).and("version").gte(1)), Ticket.class);
        if (ticket == null) {
            throw new TicketNotFoundException(ticketNo);
        }
        return TicketView.of(ticket);
    }

    TicketPage search(String customerId, TicketStatus status, int page, int size) {
        Criteria criteria = where("version").gte(1);
        if (customerId != null && !customerId.isBlank()) {
            criteria = criteria.and("customerId").is(customerId.strip());
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        long total = mongo.count(query(criteria), Ticket.class);
        Query pageQuery = query(criteria)
                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("ticketNo")))
                .skip((long) page * size)
                .limit(size);
        return new TicketPage(mongo.find(pageQuery, Ticket.class).stream().map(TicketView::summaryOf).toList(),
                page, size, total);
    }
}
