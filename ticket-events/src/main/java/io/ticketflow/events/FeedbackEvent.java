package io.ticketflow.events;

/** Events on {@code ticket.feedback}, written only by feedback-service. */
public sealed interface FeedbackEvent extends TicketflowEvent, TicketEvent
        permits SurveySent, RatingReceived, CallbackOpened, CallbackAttempted, CallbackCompleted, ReopenRequested {

    @Override
    default String key() {
        return ticketId();
    }

    @Override
    default String eventSubject() {
        return ticketNo();
    }
}
