package io.ticketflow.feedback.survey;

import static java.util.Objects.requireNonNull;

import io.ticketflow.events.EventIds;
import io.ticketflow.events.PersonalData;
import io.ticketflow.events.RatingReceived;
import io.ticketflow.events.SurveySent;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.feedback.outbox.PendingEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One satisfaction survey about one resolution of a ticket. Its id is derived from the ticket
 * and the resolution number, so a redelivered {@code TicketResolved} finds the survey it already
 * made. Times are kept to the millisecond, as Mongo stores them, so the survey and its events
 * always agree. The document is also its own outbox: {@code pending} holds the events of the last change
 * until Kafka acknowledged them.
 *
 * @param subject the ticket's subject, masked, shown to the customer
 * @param status  {@code SENT} or {@code ANSWERED} as stored; see {@link #statusAt} for {@code EXPIRED}
 * @param comment the customer's comment, masked
 */
@Document(Survey.COLLECTION)
record Survey(
        @Id String surveyId,
        String ticketId,
        String ticketNo,
        int resolutionNo,
        @Nullable String subject,
        String token,
        String link,
        SurveyStatus status,
        Instant sentAt,
        Instant expiresAt,
        @Nullable Instant answeredAt,
        @Nullable Integer rating,
        @Nullable Integer npsScore,
        @Nullable String comment,
        List<PendingEvent> pending) {

    static final String COLLECTION = "surveys";

    Survey {
        requireNonNull(surveyId, "surveyId");
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(token, "token");
        requireNonNull(link, "link");
        requireNonNull(status, "status");
        requireNonNull(sentAt, "sentAt");
        requireNonNull(expiresAt, "expiresAt");
        pending = pending == null ? List.of() : List.copyOf(pending);
    }

    /** The survey id for a resolution of a ticket: the same facts always give the same id. */
    static String idFor(String ticketId, int resolutionNo) {
        return EventIds.of("survey", ticketId, resolutionNo).toString();
    }

    /**
     * A new survey about a resolution, sent at the resolution's time and answerable for {@code ttl},
     * with its {@code SurveySent} pending.
     */
    static Survey sendFor(TicketResolved resolved, @Nullable String subject, String token, String link, Duration ttl,
            Instant now) {
        String surveyId = idFor(resolved.ticketId(), resolved.resolutionNo());
        Instant sentAt = resolved.occurredAt().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = sentAt.plus(ttl);
        SurveySent sent = new SurveySent(resolved.ticketId(), resolved.ticketNo(), surveyId, resolved.resolutionNo(), link,
                sentAt, expiresAt);
        return new Survey(surveyId, resolved.ticketId(), resolved.ticketNo(), resolved.resolutionNo(),
                PersonalData.maskText(subject), token, link, SurveyStatus.SENT, sentAt, expiresAt, null, null, null, null,
                List.of(PendingEvent.of(sentEventId(surveyId), sent, now)));
    }

    /** The {@code ce_id} of this survey's {@code SurveySent}. */
    static UUID sentEventId(String surveyId) {
        return EventIds.of("survey-sent", surveyId);
    }

    /** The {@code ce_id} of this survey's one {@code RatingReceived}. */
    UUID ratingEventId() {
        return EventIds.of("rating", surveyId);
    }

    /** Answered once answered; otherwise sent until {@code expiresAt}, expired from then on. */
    SurveyStatus statusAt(Instant now) {
        if (status == SurveyStatus.ANSWERED) {
            return SurveyStatus.ANSWERED;
        }
        return now.isBefore(expiresAt) ? SurveyStatus.SENT : SurveyStatus.EXPIRED;
    }

    /** The event an answer to this survey publishes. */
    RatingReceived ratingFrom(SurveyAnswer answer, Instant ratedAt) {
        return new RatingReceived(ticketId, ticketNo, surveyId, answer.rating(), answer.npsScore(), answer.comment(), ratedAt);
    }
}
