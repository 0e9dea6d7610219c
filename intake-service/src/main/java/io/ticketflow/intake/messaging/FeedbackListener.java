package io.ticketflow.intake.messaging;

import io.ticketflow.events.CallbackCompleted;
import io.ticketflow.events.Envelope;
import io.ticketflow.events.FeedbackEvent;
import io.ticketflow.events.RatingReceived;
import io.ticketflow.events.ReopenRequested;
import io.ticketflow.events.SurveySent;
import io.ticketflow.events.Topics;
import io.ticketflow.intake.email.SurveyMails;
import io.ticketflow.intake.ticket.CustomerFeedback;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * feedback-service's findings on {@code ticket.feedback}: a reopen requested after a
 * dissatisfied callback reopens the ticket; a rating of 4-5, or a callback that found the customer
 * satisfied, closes a resolved one; the survey of an email ticket is owed to its sender by mail.
 * Surveys and callbacks themselves are feedback's business. Idempotent by callback and survey id.
 */
@Component
class FeedbackListener {

    private static final Logger log = LoggerFactory.getLogger(FeedbackListener.class);

    private final CustomerFeedback feedback;
    private final ObjectProvider<SurveyMails> surveyMails;

    FeedbackListener(CustomerFeedback feedback, ObjectProvider<SurveyMails> surveyMails) {
        this.feedback = feedback;
        this.surveyMails = surveyMails;
    }

    @KafkaListener(topics = Topics.Names.FEEDBACK)
    void on(ConsumerRecord<String, FeedbackEvent> record) {
        Envelope<FeedbackEvent> envelope = Envelope.of(record);
        FeedbackEvent event = envelope.event();
        if (event instanceof ReopenRequested request) {
            log.debug("ReopenRequested received ticketNo={} eventId={}", request.ticketNo(), envelope.id());
            feedback.reopenRequested(request);
        } else if (event instanceof CallbackCompleted completed) {
            log.debug("CallbackCompleted received ticketNo={} eventId={}", completed.ticketNo(), envelope.id());
            feedback.callbackCompleted(completed);
        } else if (event instanceof RatingReceived rating) {
            log.debug("RatingReceived received ticketNo={} eventId={}", rating.ticketNo(), envelope.id());
            feedback.ratingReceived(rating);
        } else if (event instanceof SurveySent sent) {
            // present only with the email channel: the link of an email ticket goes to its sender
            surveyMails.ifAvailable(mails -> mails.surveySent(sent));
        }
        // CallbackOpened, CallbackAttempted: nothing for intake
    }
}
