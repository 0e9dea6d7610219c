package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A customer accepted a knowledge-base answer and created no ticket: one human contact deflected.
 *
 * @param articleId the article that answered it
 * @param customerId the customer, when known
 */
@CloudEventType("ticketflow.selfservice.answer-accepted.v1")
public record AnswerAccepted(
        String questionId,
        String articleId,
        Channel channel,
        @Nullable String customerId,
        Instant occurredAt) implements SelfServiceEvent {

    public AnswerAccepted {
        requireNonNull(questionId, "questionId");
        requireNonNull(articleId, "articleId");
        requireNonNull(channel, "channel");
        requireNonNull(occurredAt, "occurredAt");
    }
}
