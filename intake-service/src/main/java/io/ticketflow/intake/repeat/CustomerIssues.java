package io.ticketflow.intake.repeat;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.ticketflow.events.TicketType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * {@code customer_issues}: one document per customer key (a keyed fingerprint of the customer id
 * or of the normalised contact), holding that customer's recent issues. A lookup is one read by
 * {@code _id}; remembering is one conditional {@code $push}, so a ticket is remembered once
 * however often it is offered. Issues older than the counting window are pulled out as new ones come in,
 * and a TTL index on {@code expiresAt} removes a customer whose last issue is older than that.
 */
class CustomerIssues {

    static final String COLLECTION = "customer_issues";

    private final MongoTemplate mongo;

    CustomerIssues(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Every remembered issue under any of the keys, once each. */
    List<PastIssue> of(Collection<String> customerKeys) {
        Map<String, PastIssue> issues = new LinkedHashMap<>();
        for (Document doc : mongo.find(query(where("_id").in(customerKeys)), Document.class, COLLECTION)) {
            for (Document issue : doc.getList("issues", Document.class, List.of())) {
                PastIssue past = fromDocument(issue);
                issues.putIfAbsent(past.ticketId(), past);
            }
        }
        return new ArrayList<>(issues.values());
    }

    /** Remembers the issue under each key (idempotent per ticket) and forgets those older than {@code forgetBefore}. */
    void remember(Collection<String> customerKeys, PastIssue issue, Instant forgetBefore, Instant expiresAt) {
        for (String key : customerKeys) {
            try {
                mongo.upsert(query(where("_id").is(key).and("issues.ticketId").ne(issue.ticketId())),
                        new Update().push("issues", toDocument(issue)).set("updatedAt", issue.createdAt())
                                .set("expiresAt", Date.from(expiresAt)),
                        COLLECTION);
            } catch (DuplicateKeyException alreadyRemembered) {
                // the document exists and already holds this ticket: nothing to do
            }
            mongo.updateFirst(query(where("_id").is(key)),
                    new Update().pull("issues", new Document("createdAt", new Document("$lt", Date.from(forgetBefore)))),
                    COLLECTION);
        }
    }

    private static Document toDocument(PastIssue issue) {
        return new Document("ticketId", issue.ticketId())
                .append("ticketNo", issue.ticketNo())
                .append("type", issue.type().name())
                .append("subjectTokens", issue.subjectTokens())
                .append("orderKeys", issue.orderKeys())
                .append("createdAt", Date.from(issue.createdAt()));
    }

    private static PastIssue fromDocument(Document doc) {
        return new PastIssue(doc.getString("ticketId"), doc.getString("ticketNo"), TicketType.valueOf(doc.getString("type")),
                doc.getList("subjectTokens", String.class, List.of()), doc.getList("orderKeys", String.class, List.of()),
                doc.getDate("createdAt").toInstant());
    }
}
