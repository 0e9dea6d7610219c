package io.ticketflow.intake.answers;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The {@code articles} collection. An archived article's id is derived from the survey that
 * rated its ticket, and a seeded one has its configured id, so writing either twice stores it once.
 */
class KnowledgeBase {

    private final MongoTemplate mongo;

    KnowledgeBase(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores the article unless one with its id exists; true if this call stored it. */
    boolean add(Article article) {
        if (mongo.exists(query(where("_id").is(article.id())), Article.class)) {
            return false;
        }
        try {
            mongo.insert(article);
            return true;
        } catch (DuplicateKeyException concurrentAdd) {
            return false;
        }
    }

    List<Article> all() {
        return mongo.findAll(Article.class);
    }

    static String archivedId(String surveyId) {
        return "survey-" + surveyId;
    }
}
