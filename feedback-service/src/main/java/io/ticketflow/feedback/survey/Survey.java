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
 * @param subject       the ticket's subject, masked, shown to the customer
 * @param summary       the resolution summary, masked, shown to the customer
 * @param delivery      how the link reaches the customer: by mail, or shown by the web/app
 * @param status        {@code SENT} or {@code ANSWERED} as stored; see {@link #statusAt} for {@code EXPIRED}
 * @param comment       the customer's comment, masked
 * @param negativeShare share of the comment's words in the negative lexicon, null without a comment
 * @param mailStatus    for {@code EMAIL} delivery: pending, sent or failed; null otherwise
 * @param mailAttempts  SMTP attempts so far
 */
@Document(Survey.COLLECTION)
record Survey(
        @Id String surveyId,
        String ticketId,
        String ticketNo,
        int resolutionNo,
        @Nullable String subject,
        @Nullable String summary,
        String token,
        String link,
        @Nullable SurveyDelivery delivery,
        SurveyStatus status,
        Instant sentAt,
        Instant expiresAt,
        @Nullable Instant answeredAt,
        @Nullable Integer rating,
        @Nullable Integer npsScore,
        @Nullable String comment,
        @Nullable Double negativeShare,
        @Nullable MailStatus mailStatus,
        int mailAttempts,
        @Nullable Instant mailedAt,
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
        delivery = delivery == null ? SurveyDelivery.LINK : delivery;
        pending = pending == null ? List.of() : List.copyOf(pending);
    }

    /** How the survey link reaches the customer. */
    enum SurveyDelivery {
        /** returned in {@code SurveySent} and the agent list, for the web or app to show */
        LINK,
        /** mailed to the customer over SMTP as well */
        EMAIL
    }

    /**
     * Where the survey mail stands. {@code BY_INTAKE}: feedback has no address for the customer (a
     * mail ticket carries only its masked sender), so intake-service, which keeps the sender's
     * address, mails the link from the support mailbox.
     */
    enum MailStatus { PENDING, SENT, FAILED, BY_INTAKE }

    /** The survey id for a resolution of a ticket: the same facts always give the same id. */
    static String idFor(String ticketId, int resolutionNo) {
        return EventIds.of("survey", ticketId, resolutionNo).toString();
    }

    /**
     * A new survey about a resolution, sent at the resolution's time and answerable for {@code ttl},
     * with its {@code SurveySent} pending.
     */
    static Survey sendFor(TicketResolved resolved, @Nullable String subject, String token, String link, Duration ttl,
            SurveyDelivery delivery, Instant now) {
        String surveyId = idFor(resolved.ticketId(), resolved.resolutionNo());
        Instant sentAt = resolved.occurredAt().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = sentAt.plus(ttl);
        SurveySent sent = new SurveySent(resolved.ticketId(), resolved.ticketNo(), surveyId, resolved.resolutionNo(), link,
                sentAt, expiresAt);
        return new Survey(surveyId, resolved.ticketId(), resolved.ticketNo(), resolved.resolutionNo(),
                PersonalData.maskText(subject), PersonalData.maskText(resolved.summary()), token, link, delivery,
                SurveyStatus.SENT, sentAt, expiresAt, null, null, null, null, null,
                delivery == SurveyDelivery.EMAIL ? MailStatus.PENDING : null, 0, null,
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

    /**
     * The event an answer to this survey publishes. A rating of 4–5 after a later resolution than
     * the first (the ticket was reopened, by a callback or otherwise) is a recovery.
     */
    RatingReceived ratingFrom(SurveyAnswer answer, @Nullable Double negativeShare, Instant ratedAt) {
        return new RatingReceived(ticketId, ticketNo, surveyId, answer.rating(), answer.npsScore(), answer.comment(), ratedAt,
                negativeShare, resolutionNo, isRecovery(resolutionNo, answer.rating()));
    }

    /** A reopened ticket (resolution 2 or later) now rated satisfied (4–5). */
    static boolean isRecovery(int resolutionNo, int rating) {
        return resolutionNo > 1 && rating >= 4;
    }
}
