package io.ticketflow.feedback.callback;

import static java.util.Objects.requireNonNull;

import io.ticketflow.events.CallbackOpened;
import io.ticketflow.events.EventIds;
import io.ticketflow.events.RatingReceived;
import io.ticketflow.feedback.outbox.PendingEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A dissatisfied customer must be called back: opened by a rating of 1–3, due a fixed time after
 * the rating. Its id is derived from the survey, so one survey opens at most one callback however
 * often its rating is delivered. The document is its own outbox for {@code CallbackOpened}.
 */
@Document(CallbackTask.COLLECTION)
record CallbackTask(
        @Id String callbackId,
        String ticketId,
        String ticketNo,
        String surveyId,
        int rating,
        String owner,
        CallbackStatus status,
        Instant openedAt,
        Instant dueAt,
        List<PendingEvent> pending) {

    static final String COLLECTION = "callbacks";

    /** The best rating that still calls for a callback. */
    static final int HIGHEST_DISSATISFIED_RATING = 3;

    CallbackTask {
        requireNonNull(callbackId, "callbackId");
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(surveyId, "surveyId");
        requireNonNull(owner, "owner");
        requireNonNull(status, "status");
        requireNonNull(openedAt, "openedAt");
        requireNonNull(dueAt, "dueAt");
        pending = pending == null ? List.of() : List.copyOf(pending);
    }

    /** Whether a rating opens a callback: 1, 2 or 3 stars do, 4 and 5 do not. */
    static boolean isDissatisfied(int rating) {
        return rating <= HIGHEST_DISSATISFIED_RATING;
    }

    /** The callback id for a survey: the same survey always gives the same id. */
    static String idFor(String surveyId) {
        return EventIds.of("callback", surveyId).toString();
    }

    /** The {@code ce_id} of a callback's {@code CallbackOpened}. */
    static UUID openedEventId(String callbackId) {
        return EventIds.of("callback-opened", callbackId);
    }

    /**
     * The callback a rating calls for, opened when the customer rated and due {@code deadline}
     * later, with its {@code CallbackOpened} pending; empty for a satisfied rating.
     */
    static Optional<CallbackTask> openFor(RatingReceived rating, String owner, Duration deadline, Instant now) {
        if (!isDissatisfied(rating.rating())) {
            return Optional.empty();
        }
        String callbackId = idFor(rating.surveyId());
        Instant openedAt = rating.ratedAt().truncatedTo(ChronoUnit.MILLIS); // as Mongo keeps it
        Instant dueAt = openedAt.plus(deadline);
        CallbackOpened opened = new CallbackOpened(rating.ticketId(), rating.ticketNo(), callbackId, rating.surveyId(),
                rating.rating(), owner, openedAt, dueAt);
        return Optional.of(new CallbackTask(callbackId, rating.ticketId(), rating.ticketNo(), rating.surveyId(),
                rating.rating(), owner, CallbackStatus.OPEN, openedAt, dueAt,
                List.of(PendingEvent.of(openedEventId(callbackId), opened, now))));
    }

    /** Whole seconds until the callback is due; negative once it is overdue. */
    long secondsLeftAt(Instant now) {
        return Duration.between(now, dueAt).toSeconds();
    }
}
