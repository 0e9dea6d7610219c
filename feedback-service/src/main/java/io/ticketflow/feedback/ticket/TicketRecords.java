package io.ticketflow.feedback.ticket;

import io.ticketflow.events.TicketCreated;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The tickets feedback has heard of, keyed by ticket id. */
@Component
public class TicketRecords {

    private static final Logger log = LoggerFactory.getLogger(TicketRecords.class);

    private final MongoTemplate mongo;

    TicketRecords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps a ticket's record; a redelivered event writes the same document again. */
    public void remember(TicketCreated created) {
        mongo.save(TicketRecord.of(created));
        log.debug("ticket recorded ticketNo={} ticketId={}", created.ticketNo(), created.ticketId());
    }

    /** The record of a ticket, if its creation was seen. */
    public Optional<TicketRecord> find(String ticketId) {
        return Optional.ofNullable(mongo.findById(ticketId, TicketRecord.class));
    }
}
