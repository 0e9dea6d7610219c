package io.ticketflow.feedback.ticket;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.ticketflow.events.TicketAssigned;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The latest assignment of each ticket, kept from {@code ticket.routing}. */
@Component
public class TicketAssignments {

    private static final Logger log = LoggerFactory.getLogger(TicketAssignments.class);

    private final MongoTemplate mongo;

    TicketAssignments(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Keeps an assignment unless a later one (higher {@code assignmentNo}) is already known: one
     * conditional upsert, so a redelivered or late event changes nothing.
     */
    public void remember(TicketAssigned assigned) {
        TicketAssignment assignment = new TicketAssignment(assigned.ticketId(), assigned.ticketNo(), assigned.agentId(),
                assigned.team(), assigned.teamLead(), assigned.assignmentNo(), assigned.assignedAt());
        Update update = new Update()
                .set("ticketNo", assignment.ticketNo())
                .set("agentId", assignment.agentId())
                .set("team", assignment.team())
                .set("teamLead", assignment.teamLead())
                .set("assignmentNo", assignment.assignmentNo())
                .set("assignedAt", assignment.assignedAt());
        // an older one is replaced; none yet is inserted; a newer or the same one stays
        for (int round = 0; round < 2; round++) {
            if (mongo.updateFirst(query(where("_id").is(assignment.ticketId()).and("assignmentNo").lt(assignment.assignmentNo())),
                    update, TicketAssignment.class).getModifiedCount() > 0) {
                break;
            }
            try {
                mongo.insert(assignment);
                break;
            } catch (DuplicateKeyException exists) {
                // there is one: newer or the same (done), or an older one that raced in (replace it next round)
            }
        }
        log.debug("assignment recorded ticketNo={} assignmentNo={} team={}", assigned.ticketNo(), assigned.assignmentNo(),
                assigned.team());
    }

    public Optional<TicketAssignment> find(String ticketId) {
        return Optional.ofNullable(mongo.findById(ticketId, TicketAssignment.class));
    }
}
