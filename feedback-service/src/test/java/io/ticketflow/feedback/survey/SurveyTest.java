package io.ticketflow.feedback.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.EventIds;
import io.ticketflow.events.EventJson;
import io.ticketflow.events.RatingReceived;
import io.ticketflow.events.SurveySent;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.feedback.outbox.PendingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SurveyTest {

    private static final Instant RESOLVED_AT = Instant.parse("2026-11-23T08:00:00Z");
    private static final Duration TTL = Duration.ofDays(7);
    private static final TicketResolved RESOLVED = new TicketResolved("t-1", "202611-000001", 7, RESOLVED_AT, "agent-1",
            "fixed", null, 1);

    private final Survey survey = Survey.sendFor(RESOLVED, "Call 13812345678", "token", "http://x/surveys/token", TTL,
            Survey.SurveyDelivery.LINK, RESOLVED_AT.plusSeconds(2));

    @Test
    void a_survey_is_sent_at_the_resolution_and_expires_after_its_ttl() {
        assertThat(survey.surveyId()).isEqualTo(EventIds.of("survey", "t-1", 1).toString());
        assertThat(survey.sentAt()).isEqualTo(RESOLVED_AT);
        assertThat(survey.expiresAt()).isEqualTo(RESOLVED_AT.plus(TTL));
        assertThat(survey.status()).isEqualTo(SurveyStatus.SENT);
        assertThat(survey.subject()).isEqualTo("Call 138****5678");
    }

    @Test
    void times_are_kept_to_the_millisecond_so_survey_and_event_agree() {
        TicketResolved precise = new TicketResolved("t-2", "202611-000002", 3, RESOLVED_AT.plusNanos(1_234_567), null, null,
                null, 1);
        Survey fine = Survey.sendFor(precise, null, "token", "link", TTL, Survey.SurveyDelivery.LINK, RESOLVED_AT);
        assertThat(fine.sentAt()).isEqualTo(RESOLVED_AT.plusMillis(1));
        assertThat(fine.expiresAt()).isEqualTo(RESOLVED_AT.plusMillis(1).plus(TTL));
    }

    @Test
    void the_same_resolution_always_gives_the_same_survey_and_event_ids() {
        Survey again = Survey.sendFor(RESOLVED, null, "other", "http://x/surveys/other", TTL, Survey.SurveyDelivery.LINK,
                RESOLVED_AT.plusSeconds(60));
        assertThat(again.surveyId()).isEqualTo(survey.surveyId());
        assertThat(again.pending().get(0).eventId()).isEqualTo(survey.pending().get(0).eventId());
        assertThat(Survey.idFor("t-1", 2)).isNotEqualTo(survey.surveyId());
    }

    @Test
    void a_new_survey_carries_its_survey_sent_as_pending() {
        assertThat(survey.pending()).hasSize(1);
        PendingEvent pending = survey.pending().get(0);
        assertThat(pending.eventId()).isEqualTo(EventIds.of("survey-sent", survey.surveyId()).toString());
        assertThat(pending.since()).isEqualTo(RESOLVED_AT.plusSeconds(2));
        SurveySent sent = (SurveySent) EventJson.read(pending.type(), pending.payload().getBytes(StandardCharsets.UTF_8));
        assertThat(sent).isEqualTo(new SurveySent("t-1", "202611-000001", survey.surveyId(), 1, "http://x/surveys/token",
                RESOLVED_AT, RESOLVED_AT.plus(TTL)));
    }

    @Test
    void an_unanswered_survey_is_open_until_it_expires() {
        assertThat(survey.statusAt(RESOLVED_AT)).isEqualTo(SurveyStatus.SENT);
        assertThat(survey.statusAt(survey.expiresAt().minusMillis(1))).isEqualTo(SurveyStatus.SENT);
        assertThat(survey.statusAt(survey.expiresAt())).isEqualTo(SurveyStatus.EXPIRED);
        assertThat(survey.statusAt(survey.expiresAt().plus(Duration.ofDays(30)))).isEqualTo(SurveyStatus.EXPIRED);
    }

    @Test
    void an_answered_survey_stays_answered_after_its_expiry() {
        Survey answered = new Survey(survey.surveyId(), survey.ticketId(), survey.ticketNo(), 1, null, null, "token", "link",
                null, SurveyStatus.ANSWERED, survey.sentAt(), survey.expiresAt(), RESOLVED_AT.plusSeconds(60), 4, null, null,
                null, null, 0, null, null);
        assertThat(answered.statusAt(survey.expiresAt().plusSeconds(1))).isEqualTo(SurveyStatus.ANSWERED);
        assertThat(answered.pending()).isEmpty();
    }

    @Test
    void an_answer_becomes_a_rating_with_a_deterministic_id() {
        Instant ratedAt = RESOLVED_AT.plus(Duration.ofHours(1));
        RatingReceived rating = survey.ratingFrom(new SurveyAnswer(2, 6, "slow"), 1.0, ratedAt);
        assertThat(rating).isEqualTo(new RatingReceived("t-1", "202611-000001", survey.surveyId(), 2, 6, "slow", ratedAt,
                1.0, 1, false));
        assertThat(survey.ratingEventId()).isEqualTo(EventIds.of("rating", survey.surveyId()));
    }

    @Test
    void the_survey_shows_the_masked_resolution_summary_and_how_it_is_delivered() {
        TicketResolved resolved = new TicketResolved("t-3", "202611-000003", 9, RESOLVED_AT, "agent-1",
                "Refunded, confirmed on 13812345678", null, 1);
        Survey mailed = Survey.sendFor(resolved, null, "token", "link", TTL, Survey.SurveyDelivery.EMAIL, RESOLVED_AT);
        assertThat(mailed.summary()).isEqualTo("Refunded, confirmed on 138****5678");
        assertThat(mailed.delivery()).isEqualTo(Survey.SurveyDelivery.EMAIL);
        assertThat(mailed.mailStatus()).isEqualTo(Survey.MailStatus.PENDING);
        assertThat(survey.delivery()).isEqualTo(Survey.SurveyDelivery.LINK);
        assertThat(survey.mailStatus()).isNull();
    }

    @Test
    void a_reopened_ticket_rated_satisfied_is_a_recovery() {
        TicketResolved second = new TicketResolved("t-1", "202611-000001", 20, RESOLVED_AT, "agent-1", "fixed", null, 2);
        Survey again = Survey.sendFor(second, null, "token2", "link", TTL, Survey.SurveyDelivery.LINK, RESOLVED_AT);
        assertThat(again.ratingFrom(new SurveyAnswer(4, null, null), null, RESOLVED_AT).recovery()).isTrue();
        assertThat(again.ratingFrom(new SurveyAnswer(5, null, null), null, RESOLVED_AT).resolutionNo()).isEqualTo(2);
        assertThat(again.ratingFrom(new SurveyAnswer(3, null, null), null, RESOLVED_AT).recovery()).isFalse();
        assertThat(survey.ratingFrom(new SurveyAnswer(5, null, null), null, RESOLVED_AT).recovery()).isFalse();
    }
}
