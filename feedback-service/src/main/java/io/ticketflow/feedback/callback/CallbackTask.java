package io.ticketflow.feedback.callback;

import static java.util.Objects.requireNonNull;

import io.ticketflow.events.CallbackAttempted;
import io.ticketflow.events.CallbackCompleted;
import io.ticketflow.events.CallbackOpened;
import io.ticketflow.events.CallbackOutcome;
import io.ticketflow.events.EventIds;
import io.ticketflow.events.RatingReceived;
import io.ticketflow.events.ReopenRequested;
import io.ticketflow.events.RootCause;
import io.ticketflow.events.RootCauseFactor;
import io.ticketflow.feedback.outbox.PendingEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A dissatisfied customer must be called back: opened by a rating of 1–3 for the team lead of the
 * agent who held the ticket, due a number of working hours after the rating. Its id is derived
 * from the survey, so one survey opens at most one callback however often its rating is delivered.
 * Each call is recorded: an unreached customer is called again until the attempts are used up
 * (UNREACHABLE); a reached one ends the task SATISFIED or REOPEN. The document is its own outbox.
 *
 * @param team     the team of the agent who held the ticket, or null when routing did not say
 * @param attempts calls made so far
 * @param outcome  how the task ended, null while open
 * @param notes    the caller's notes of the last call, masked
 */
@Document(CallbackTask.COLLECTION)
record CallbackTask(
        @Id String callbackId,
        String ticketId,
        String ticketNo,
        String surveyId,
        int rating,
        String owner,
        @Nullable String team,
        CallbackStatus status,
        Instant openedAt,
        Instant dueAt,
        int attempts,
        @Nullable CallbackOutcome outcome,
        @Nullable String calledBy,
        @Nullable Boolean reached,
        @Nullable RootCause rootCause,
        @Nullable RootCauseFactor factor,
        @Nullable String notes,
        @Nullable Instant completedAt,
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

    static UUID attemptedEventId(String callbackId, int attemptNo) {
        return EventIds.of("callback-attempted", callbackId, attemptNo);
    }

    static UUID completedEventId(String callbackId) {
        return EventIds.of("callback-completed", callbackId);
    }

    static UUID reopenEventId(String callbackId) {
        return EventIds.of("reopen-requested", callbackId);
    }

    /**
     * The callback a rating calls for, opened when the customer rated, owned by {@code owner} and
     * due {@code deadline} of working time later, with its {@code CallbackOpened} pending; empty
     * for a satisfied rating.
     */
    static Optional<CallbackTask> openFor(RatingReceived rating, String owner, @Nullable String team, WorkingHours calendar,
            Duration deadline, Instant now) {
        if (!isDissatisfied(rating.rating())) {
            return Optional.empty();
        }
        String callbackId = idFor(rating.surveyId());
        Instant openedAt = rating.ratedAt().truncatedTo(ChronoUnit.MILLIS); // as Mongo keeps it
        Instant dueAt = calendar.plus(openedAt, deadline).truncatedTo(ChronoUnit.MILLIS);
        CallbackOpened opened = new CallbackOpened(rating.ticketId(), rating.ticketNo(), callbackId, rating.surveyId(),
                rating.rating(), owner, openedAt, dueAt, team);
        return Optional.of(new CallbackTask(callbackId, rating.ticketId(), rating.ticketNo(), rating.surveyId(),
                rating.rating(), owner, team, CallbackStatus.OPEN, openedAt, dueAt, 0, null, null, null, null, null, null,
                null, List.of(PendingEvent.of(openedEventId(callbackId), opened, now))));
    }

    /**
     * The task after one more call, with the events of that call to publish (returned in
     * {@code pending}, the earlier pending ones kept in front).
     *
     * @throws IllegalStateException when the task has already ended
     */
    CallbackTask record(CallbackCall call, int maxAttempts, Instant now) {
        if (status != CallbackStatus.OPEN) {
            throw new IllegalStateException("callback " + callbackId + " has already ended " + outcome);
        }
        int attemptNo = attempts + 1;
        List<PendingEvent> events = new ArrayList<>(pending);
        CallbackOutcome ended;
        if (!call.reached()) {
            boolean willRetry = attemptNo < maxAttempts;
            events.add(PendingEvent.of(attemptedEventId(callbackId, attemptNo), new CallbackAttempted(ticketId, ticketNo,
                    callbackId, attemptNo, call.calledBy(), willRetry, call.notes(), now), now));
            if (willRetry) {
                return new CallbackTask(callbackId, ticketId, ticketNo, surveyId, rating, owner, team, CallbackStatus.OPEN,
                        openedAt, dueAt, attemptNo, null, call.calledBy(), false, call.rootCause(), call.factor(),
                        call.notes(), null, events);
            }
            ended = CallbackOutcome.UNREACHABLE;
        } else {
            ended = call.outcome();
        }
        events.add(PendingEvent.of(completedEventId(callbackId), new CallbackCompleted(ticketId, ticketNo, callbackId,
                call.calledBy(), call.reached(), call.rootCause(), call.factor(), call.notes(), ended, attemptNo, rating, owner,
                team, openedAt, dueAt, now), now));
        if (ended == CallbackOutcome.REOPEN) {
            events.add(PendingEvent.of(reopenEventId(callbackId), new ReopenRequested(ticketId, ticketNo, callbackId,
                    call.reopenReason(), call.preferredAgentId(), call.calledBy(), now), now));
        }
        return new CallbackTask(callbackId, ticketId, ticketNo, surveyId, rating, owner, team, CallbackStatus.COMPLETED,
                openedAt, dueAt, attemptNo, ended, call.calledBy(), call.reached(), call.rootCause(), call.factor(),
                call.notes(), now, events);
    }

    /** Whole seconds until the callback is due; negative once it is overdue. */
    long secondsLeftAt(Instant now) {
        return Duration.between(now, dueAt).toSeconds();
    }
}
