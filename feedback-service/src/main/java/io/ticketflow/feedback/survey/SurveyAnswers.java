package io.ticketflow.feedback.survey;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.events.RatingReceived;
import io.ticketflow.feedback.outbox.Outbox;
import io.ticketflow.feedback.outbox.PendingEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes a customer's answer: one per survey, only while it is open. The answer and its
 * {@code RatingReceived} are stored together by one conditional update, then published; if
 * Kafka does not acknowledge, the answer still stands and the outbox relay publishes later.
 */
@Component
class SurveyAnswers {

    private static final Logger log = LoggerFactory.getLogger(SurveyAnswers.class);

    private final Surveys surveys;
    private final Outbox outbox;
    private final NegativeLexicon lexicon;
    private final Clock clock;
    private final MeterRegistry meters;

    SurveyAnswers(Surveys surveys, Outbox outbox, SentimentProperties sentiment, Clock clock, MeterRegistry meters) {
        this.surveys = surveys;
        this.outbox = outbox;
        this.lexicon = sentiment.lexicon();
        this.clock = clock;
        this.meters = meters;
    }

    /** The survey behind a link. */
    Survey find(String token) {
        if (!SurveyToken.isWellFormed(token)) {
            throw SurveyRefusal.unknown();
        }
        return surveys.byToken(token).orElseThrow(SurveyRefusal::unknown);
    }

    /** Records the answer, or refuses: unknown link 404, answered 409, expired 410. */
    Survey answer(String token, SurveyAnswer answer) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as Mongo keeps it
        Survey survey = find(token);
        refuseUnlessOpen(survey, now);
        Double negativeShare = lexicon.negativeShare(answer.comment());
        RatingReceived rating = survey.ratingFrom(answer, negativeShare, now);
        Survey answered = surveys.recordAnswer(survey, answer, negativeShare, now,
                        PendingEvent.of(survey.ratingEventId(), rating, now))
                .orElseThrow(() -> refusalAfterRace(survey.surveyId(), now));
        meters.counter("ticketflow.feedback.ratings", "rating", String.valueOf(answer.rating())).increment();
        boolean published = outbox.flush(Survey.COLLECTION, answered.surveyId(), answered.pending())
                == answered.pending().size();
        log.info("rating received ticketNo={} surveyId={} rating={} npsScore={} negativeShare={} recovery={} eventId={} published={}",
                answered.ticketNo(), answered.surveyId(), rating.rating(), rating.npsScore(), negativeShare, rating.recovery(),
                survey.ratingEventId(), published);
        return answered;
    }

    private static void refuseUnlessOpen(Survey survey, Instant now) {
        SurveyStatus status = survey.statusAt(now);
        if (status == SurveyStatus.ANSWERED) {
            throw SurveyRefusal.alreadyAnswered(survey);
        }
        if (status == SurveyStatus.EXPIRED) {
            throw SurveyRefusal.expired(survey);
        }
    }

    /** The conditional update matched nothing: another answer won, or the survey just expired. */
    private SurveyRefusal refusalAfterRace(String surveyId, Instant now) {
        Survey current = surveys.byId(surveyId).orElseThrow(SurveyRefusal::unknown);
        return current.statusAt(now) == SurveyStatus.EXPIRED ? SurveyRefusal.expired(current)
                : SurveyRefusal.alreadyAnswered(current);
    }
}
