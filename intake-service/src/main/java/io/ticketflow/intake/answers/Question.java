package io.ticketflow.intake.answers;

import io.ticketflow.events.Channel;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A question asked of the knowledge base ({@code questions}): the masked text, the articles
 * offered and, once the customer took one, which ({@code acceptedArticleId}, {@code acceptedAt}) and
 * whether AnswerAccepted is in Kafka ({@code acceptancePublished}). A TTL index removes it at
 * {@code expiresAt}.
 */
@Document(collection = Question.COLLECTION)
record Question(
        @Id String id,
        String question,
        Channel channel,
        String customerId,
        List<String> offered,
        Instant askedAt,
        String acceptedArticleId,
        Instant acceptedAt,
        boolean acceptancePublished,
        Instant expiresAt) {

    static final String COLLECTION = "questions";

    Question {
        offered = offered == null ? List.of() : List.copyOf(offered);
    }
}
