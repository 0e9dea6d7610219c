package io.ticketflow.intake.answers;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.ticketflow.events.AnswerAccepted;
import io.ticketflow.events.EventIds;
import io.ticketflow.events.PersonalData;
import io.ticketflow.events.spring.EventPublishException;
import io.ticketflow.events.spring.EventPublisher;
import io.ticketflow.intake.web.FieldProblem;
import io.ticketflow.intake.web.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Answers a customer's question from the knowledge base and records which answer they took. An
 * acceptance is claimed on the question document first (one per question), then published as
 * AnswerAccepted under an id derived from the question, then marked published: a retry after any
 * failure republishes the same event id, which consumers drop as a duplicate.
 */
class SelfService {

    private static final Logger log = LoggerFactory.getLogger(SelfService.class);

    private final KnowledgeBase knowledgeBase;
    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final AnswerProperties properties;
    private final Clock clock;

    SelfService(KnowledgeBase knowledgeBase, MongoTemplate mongo, EventPublisher publisher, AnswerProperties properties,
            Clock clock) {
        this.knowledgeBase = knowledgeBase;
        this.mongo = mongo;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    AnswerRequests.Answers ask(AnswerRequests.Ask ask) {
        String masked = PersonalData.maskText(ask.question().strip());
        List<AnswerRequests.Offered> offered = ArticleScorer.rank(masked, knowledgeBase.all()).stream()
                .filter(s -> s.score() >= properties.minScore())
                .limit(properties.maxAnswers())
                .map(s -> new AnswerRequests.Offered(s.article().id(), s.article().title(), s.article().answer(), s.score()))
                .toList();
        String questionId = UUID.randomUUID().toString();
        mongo.insert(new Question(questionId, masked, ask.channel(), blankToNull(ask.customerId()),
                offered.stream().map(AnswerRequests.Offered::articleId).toList(), now(), null, null, false,
                now().plus(properties.questionRetention())));
        log.info("question answered questionId={} channel={} offered={}", questionId, ask.channel(),
                offered.stream().map(AnswerRequests.Offered::articleId).toList());
        return new AnswerRequests.Answers(questionId, offered);
    }

    /** Records the customer's acceptance of an offered article; accepting the same article again changes nothing. */
    void accept(String questionId, String articleId) {
        Question question = mongo.findById(questionId, Question.class);
        if (question == null) {
            throw notFound(questionId);
        }
        if (!question.offered().contains(articleId)) {
            throw new InvalidRequestException(List.of(new FieldProblem("articleId", "was not offered for this question")));
        }
        Question claimed = mongo.findAndModify(
                query(where("_id").is(questionId).and("acceptedArticleId").is(null)),
                new Update().set("acceptedArticleId", articleId).set("acceptedAt", now()),
                FindAndModifyOptions.options().returnNew(true), Question.class);
        if (claimed == null) {
            claimed = mongo.findById(questionId, Question.class);
            if (claimed == null) {
                throw notFound(questionId);
            }
            if (!articleId.equals(claimed.acceptedArticleId())) {
                throw conflict(questionId);
            }
            if (claimed.acceptancePublished()) {
                log.debug("acceptance already recorded questionId={}", questionId);
                return;
            }
        }
        UUID eventId = EventIds.of("answer-accepted", questionId);
        AnswerAccepted accepted = new AnswerAccepted(questionId, articleId, claimed.channel(), claimed.customerId(),
                claimed.acceptedAt());
        try {
            publisher.publish(eventId, accepted);
        } catch (EventPublishException e) {
            try {
                mongo.updateFirst(query(where("_id").is(questionId).and("acceptancePublished").is(false)),
                        new Update().unset("acceptedArticleId").unset("acceptedAt"), Question.class);
            } catch (RuntimeException releaseFailed) {
                e.addSuppressed(releaseFailed); // a retry of the same article still completes it
            }
            throw e;
        }
        mongo.updateFirst(query(where("_id").is(questionId)), new Update().set("acceptancePublished", true),
                Question.class);
        log.info("AnswerAccepted questionId={} eventId={} articleId={} channel={}", questionId, eventId, articleId,
                claimed.channel());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ErrorResponseException notFound(String questionId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No question " + questionId + ".");
        problem.setTitle("Question not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    private static ErrorResponseException conflict(String questionId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Another answer was already accepted for question " + questionId + ".");
        problem.setTitle("Answer already accepted");
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
