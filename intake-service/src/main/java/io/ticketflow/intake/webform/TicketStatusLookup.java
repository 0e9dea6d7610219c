package io.ticketflow.intake.webform;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.ticketflow.intake.privacy.ContactVault;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * A customer's own view of a ticket: found only when the ticket number AND the contact given at
 * submission both match. The contact is compared with the decrypted one from the contact vault in
 * constant time, and a wrong contact answers exactly as a missing ticket does, so the page tells
 * nobody which ticket numbers exist.
 */
@Component
class TicketStatusLookup {

    private static final Logger log = LoggerFactory.getLogger(TicketStatusLookup.class);

    /** What a customer is told happened; internal events (reclassification, repeat flags) stay inside. */
    static final Set<String> PUBLIC_EVENTS = Set.of("TicketCreated", "TicketAssigned", "TicketReplied",
            "TicketInfoRequested", "TicketInfoProvided", "TicketHeld", "TicketResumed", "TicketResolved",
            "TicketReopened", "TicketClosed");

    private final MongoTemplate mongo;
    private final ContactVault contacts;

    TicketStatusLookup(MongoTemplate mongo, ContactVault contacts) {
        this.mongo = mongo;
        this.contacts = contacts;
    }

    Optional<CustomerTicket> find(String ticketNo, String contact) {
        Document ticket = mongo.findOne(query(where("ticketNo").is(ticketNo).and("version").gte(1)), Document.class,
                "tickets");
        String stored = ticket == null ? null : revealed(ticket.getString("_id"), ticketNo);
        // compared even when there is nothing to compare with, so both answers take as long
        boolean matches = MessageDigest.isEqual(digest(stored == null ? "" : normalise(stored)),
                digest(contact == null ? "\u0000" : normalise(contact)));
        if (ticket == null || stored == null || !matches) {
            log.debug("status lookup without a match ticketNo={}", ticketNo);
            return Optional.empty();
        }
        List<CustomerTicket.Step> history = new ArrayList<>();
        for (Document entry : ticket.getList("history", Document.class, List.of())) {
            String event = entry.getString("event");
            if (PUBLIC_EVENTS.contains(event)) {
                history.add(new CustomerTicket.Step(event, instant(entry.get("at"))));
            }
        }
        return Optional.of(new CustomerTicket(ticketNo, ticket.getString("status"), ticket.getString("priority"),
                ticket.getString("type"), ticket.getString("assignee") != null, instant(ticket.get("createdAt")),
                ticket.getString("contactMasked"), List.copyOf(history)));
    }

    private String revealed(String ticketId, String ticketNo) {
        try {
            return contacts.reveal(ticketId).orElse(null);
        } catch (RuntimeException e) {
            // a contact written under a retired key cannot match; say "not found", as for any mismatch
            log.warn("contact not readable for status lookup ticketNo={} cause={}", ticketNo, e.getClass().getSimpleName());
            return null;
        }
    }

    /** Emails compare without case, phone numbers by their digits alone. */
    static String normalise(String contact) {
        String value = contact.strip();
        if (value.indexOf('@') >= 0) {
            return value.toLowerCase(Locale.ROOT);
        }
        return value.replaceAll("[^0-9]", "");
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        return value instanceof Instant instant ? instant : null;
    }

    /** The ticket as its customer sees it: no agent's name, no internal events, the contact masked. */
    record CustomerTicket(String ticketNo, String status, String priority, String type, boolean assigned,
            Instant createdAt, String contactMasked, List<Step> history) {

        record Step(String event, Instant at) {
        }
    }
}
