package io.ticketflow.intake.ticket;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

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

    /** One page of the tickets matching the filter, newest first. */
    TicketPage search(TicketFilter filter, int page, int size) {
        Criteria criteria = filter.criteria();
        long total = mongo.count(query(criteria), Ticket.class);
        Query pageQuery = query(criteria)
                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("ticketNo")))
                .skip((long) page * size)
                .limit(size);
        return new TicketPage(mongo.find(pageQuery, Ticket.class).stream().map(TicketView::summaryOf).toList(),
                page, size, total);
    }
}
