package io.ticketflow.feedback.survey;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.ticketflow.feedback.outbox.OutboxCollection;
import io.ticketflow.feedback.outbox.PendingEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The surveys in Mongo. Every write is a single-document operation, conditional where it decides something. */
@Component
class Surveys implements InitializingBean {

    private final MongoTemplate mongo;

    Surveys(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        IndexOperations indexes = mongo.indexOps(Survey.class);
        indexes.createIndex(new Index("token", Sort.Direction.ASC).unique().named("survey_token"));
        indexes.createIndex(new Index("ticketNo", Sort.Direction.ASC).named("survey_ticket_no"));
        indexes.createIndex(new Index(OutboxCollection.PENDING + ".since", Sort.Direction.ASC).sparse().named("survey_pending"));
    }

    /** Stores a new survey; false when this resolution already has one (the id is taken). */
    boolean insert(Survey survey) {
        try {
            mongo.insert(survey);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<Survey> byId(String surveyId) {
        return Optional.ofNullable(mongo.findById(surveyId, Survey.class));
    }

    Optional<Survey> byToken(String token) {
        return Optional.ofNullable(mongo.findOne(query(where("token").is(token)), Survey.class));
    }

    List<Survey> byTicketNo(String ticketNo) {
        return mongo.find(query(where("ticketNo").is(ticketNo)).with(Sort.by("resolutionNo", "sentAt")), Survey.class);
    }

    /** Unanswered, unexpired surveys whose mail is still owed. */
    List<Survey> mailsPending(Instant now, int limit) {
        return mongo.find(query(where("mailStatus").is(Survey.MailStatus.PENDING).and("status").is(SurveyStatus.SENT)
                .and("expiresAt").gt(now)).with(Sort.by("sentAt")).limit(limit), Survey.class);
    }

    /**
     * Counts one more mail attempt if the survey is still as read and has attempts left: the
     * caller that wins the update sends, no one else. Empty when another pass got there first.
     */
    Optional<Survey> claimMailAttempt(Survey survey, int maxAttempts) {
        if (survey.mailAttempts() >= maxAttempts) {
            mailGivenUp(survey.surveyId());
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findAndModify(
                query(where("_id").is(survey.surveyId()).and("mailStatus").is(Survey.MailStatus.PENDING)
                        .and("mailAttempts").is(survey.mailAttempts())),
                new Update().inc("mailAttempts", 1), FindAndModifyOptions.options().returnNew(true), Survey.class));
    }

    void mailSent(String surveyId, Instant at) {
        mongo.updateFirst(query(where("_id").is(surveyId)),
                new Update().set("mailStatus", Survey.MailStatus.SENT).set("mailedAt", at), Survey.class);
    }

    void mailGivenUp(String surveyId) {
        mailLeft(surveyId, Survey.MailStatus.FAILED);
    }

    /** The mail is no longer feedback's to send: given up, or left to intake. */
    void mailLeft(String surveyId, Survey.MailStatus status) {
        mongo.updateFirst(query(where("_id").is(surveyId).and("mailStatus").is(Survey.MailStatus.PENDING)),
                new Update().set("mailStatus", status), Survey.class);
    }

    /**
     * Records an answer if, and only if, the survey is still unanswered and unexpired, together
     * with the {@code RatingReceived} it publishes. Empty when the survey was answered or had
     * expired in the meantime.
     */
    Optional<Survey> recordAnswer(Survey survey, SurveyAnswer answer, Double negativeShare, Instant answeredAt,
            PendingEvent rating) {
        Update update = new Update()
                .set("status", SurveyStatus.ANSWERED)
                .set("answeredAt", answeredAt)
                .set("rating", answer.rating())
                .set("npsScore", answer.npsScore())
                .set("comment", answer.comment())
                .set("negativeShare", negativeShare)
                .push(OutboxCollection.PENDING, rating);
        return Optional.ofNullable(mongo.findAndModify(
                query(where("_id").is(survey.surveyId()).and("status").is(SurveyStatus.SENT).and("expiresAt").gt(answeredAt)),
                update, FindAndModifyOptions.options().returnNew(true), Survey.class));
    }
}
