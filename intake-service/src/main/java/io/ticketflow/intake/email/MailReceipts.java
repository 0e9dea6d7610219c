package io.ticketflow.intake.email;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.ticketflow.events.PersonalData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;

/**
 * {@code email_receipts}: one document per mail handled, {@code _id} the mail's key. It makes a
 * customer's reply by mail count once (claimed before the command, completed after it), and it
 * carries the mail owed to a ticket's sender until SMTP has taken it: the acknowledgement of a new
 * ticket, and the survey link once it is resolved ({@code _id} "survey:" + survey id). No clear
 * personal data: the subject is masked, the address is read from the contact vault when sending.
 */
final class MailReceipts {

    static final String COLLECTION = "email_receipts";
    private static final Instant NEVER = Instant.EPOCH;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration claim;
    private final Duration retention;

    MailReceipts(MongoTemplate mongo, Clock clock, Duration claim, Duration retention) {
        this.mongo = mongo;
        this.clock = clock;
        this.claim = claim;
        this.retention = retention;
    }

    /** MongoDB removes a receipt once {@code expiresAt} has passed; a ticket's receipt is found by its id. */
    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(
                new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO).named("expiresAt_ttl"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("ticketId", Sort.Direction.ASC).sparse().named("ticketId"));
    }

    /**
     * The ticket this mail already became, if intake remembers it. Outlives the Idempotency-Key
     * ({@code receipt-retention} against 24 h), so a mail someone marks unread weeks later is
     * still not a second ticket.
     */
    Optional<String> ticketOf(String key) {
        Document known = mongo.findOne(query(where("_id").is(key).and("kind").is("TICKET")), Document.class, COLLECTION);
        return Optional.ofNullable(known).map(d -> d.getString("ticketNo"));
    }

    /** A new ticket came from this mail; its sender is owed an acknowledgement, unless {@code answer} is false. */
    void ticketCreated(String key, String ticketId, String ticketNo, String messageId, String subject, boolean answer) {
        mongo.upsert(query(where("_id").is(key)), new Update()
                .setOnInsert("kind", "TICKET")
                .setOnInsert("ticketId", ticketId)
                .setOnInsert("ticketNo", ticketNo)
                .setOnInsert("messageId", messageId)
                .setOnInsert("subject", PersonalData.maskText(subject))
                .setOnInsert("state", "DONE")
                .setOnInsert("ack", answer ? "PENDING" : "NONE")
                .setOnInsert("ackAttempts", 0)
                .setOnInsert("ackClaimedUntil", NEVER)
                .setOnInsert("createdAt", clock.instant())
                .setOnInsert("expiresAt", clock.instant().plus(retention)), COLLECTION);
    }

    /** What a claim on a reply mail found. */
    enum ReplyClaim { CLAIMED, ALREADY_DONE, HELD_ELSEWHERE }

    /** Claims a reply mail for this poller: only one poller adds it, and only once. */
    ReplyClaim claimReply(String key, String ticketNo) {
        Instant now = clock.instant();
        try {
            mongo.insert(new Document("_id", key).append("kind", "REPLY").append("ticketNo", ticketNo)
                    .append("state", "CLAIMED").append("claimedUntil", now.plus(claim))
                    .append("ack", "NONE").append("createdAt", now).append("expiresAt", now.plus(retention)),
                    COLLECTION);
            return ReplyClaim.CLAIMED;
        } catch (DuplicateKeyException known) {
            Document taken = mongo.findAndModify(
                    query(where("_id").is(key).and("state").is("CLAIMED").and("claimedUntil").lt(now)),
                    new Update().set("claimedUntil", now.plus(claim)),
                    FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
            if (taken != null) {
                return ReplyClaim.CLAIMED;
            }
            Document existing = mongo.findById(key, Document.class, COLLECTION);
            return existing != null && "DONE".equals(existing.getString("state"))
                    ? ReplyClaim.ALREADY_DONE : ReplyClaim.HELD_ELSEWHERE;
        }
    }

    void replyAdded(String key) {
        mongo.updateFirst(query(where("_id").is(key)), new Update().set("state", "DONE").unset("claimedUntil")
                .set("completedAt", clock.instant()), COLLECTION);
    }

    /** The reply was not added (Kafka refused, or the ticket takes no replies): free the mail at once. */
    void releaseReply(String key) {
        mongo.remove(query(where("_id").is(key).and("state").is("CLAIMED")), COLLECTION);
    }

    /**
     * The mail intake owes a customer, each kept on its receipt under its own fields
     * ({@code <field>}, {@code <field>Attempts}, {@code <field>ClaimedUntil}, {@code <field>SentAt}).
     */
    enum Owed {
        /** The answer to a new ticket's mail: "your ticket number is …". */
        ACKNOWLEDGEMENT("ack"),
        /** The survey link of a resolved email ticket. */
        SURVEY("surveyMail");

        private final String field;

        Owed(String field) {
            this.field = field;
        }

        String attempts() {
            return field + "Attempts";
        }

        String claimedUntil() {
            return field + "ClaimedUntil";
        }
    }

    /** A resolved email ticket's sender is owed its survey link; the same survey seen again adds nothing. */
    void surveyOwed(String surveyId, String ticketId, String ticketNo, String link, Instant surveyExpiresAt) {
        Instant now = clock.instant();
        Document ticketReceipt = mongo.findOne(query(where("kind").is("TICKET").and("ticketId").is(ticketId)),
                Document.class, COLLECTION);
        Update update = new Update()
                .setOnInsert("kind", "SURVEY")
                .setOnInsert("surveyId", surveyId)
                .setOnInsert("ticketId", ticketId)
                .setOnInsert("ticketNo", ticketNo)
                .setOnInsert("link", link)
                .setOnInsert("surveyExpiresAt", surveyExpiresAt)
                .setOnInsert(Owed.SURVEY.field, "PENDING")
                .setOnInsert(Owed.SURVEY.attempts(), 0)
                .setOnInsert(Owed.SURVEY.claimedUntil(), NEVER)
                .setOnInsert("createdAt", now)
                .setOnInsert("expiresAt", now.plus(retention));
        if (ticketReceipt != null) {
            // answer in the customer's own thread
            update.setOnInsert("messageId", ticketReceipt.getString("messageId"))
                    .setOnInsert("subject", ticketReceipt.getString("subject"));
        }
        mongo.upsert(query(where("_id").is("survey:" + surveyId)), update, COLLECTION);
    }

    /** Takes the next mail of this kind nobody is sending, for {@link Duration claim}. */
    Optional<OwedMail> next(Owed owed) {
        Instant now = clock.instant();
        Document pending = mongo.findAndModify(
                query(where(owed.field).is("PENDING").and(owed.claimedUntil()).lt(now)),
                new Update().set(owed.claimedUntil(), now.plus(claim)),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        if (pending == null) {
            return Optional.empty();
        }
        return Optional.of(new OwedMail(pending.getString("_id"), pending.getString("ticketId"),
                pending.getString("ticketNo"), pending.getString("messageId"), pending.getString("subject"),
                pending.get(owed.attempts(), Number.class).intValue(), pending));
    }

    void sent(Owed owed, String key) {
        mongo.updateFirst(query(where("_id").is(key)), new Update().set(owed.field, "SENT")
                .set(owed.field + "SentAt", clock.instant()).inc(owed.attempts(), 1), COLLECTION);
    }

    /** SMTP failed: try again after {@code attempts × backoff}, or give up after {@code maxAttempts}. */
    void failed(Owed owed, String key, int attemptsSoFar, int maxAttempts, Duration backoff) {
        Instant retryAt = clock.instant().plus(backoff.multipliedBy(attemptsSoFar + 1L));
        Update update = new Update().inc(owed.attempts(), 1).set(owed.claimedUntil(), retryAt);
        if (attemptsSoFar + 1 >= maxAttempts) {
            update.set(owed.field, "GAVE_UP");
        }
        mongo.updateFirst(query(where("_id").is(key)), update, COLLECTION);
    }

    /** Nothing can be sent (no address, or the survey expired): stop trying, saying why. */
    void dropped(Owed owed, String key, String why) {
        mongo.updateFirst(query(where("_id").is(key)), new Update().set(owed.field, why), COLLECTION);
    }

    /** A mail owed to a ticket's sender, as claimed; {@code receipt} is the whole stored document. */
    record OwedMail(String key, String ticketId, String ticketNo, String messageId, String maskedSubject, int attempts,
            Document receipt) {
    }
}
