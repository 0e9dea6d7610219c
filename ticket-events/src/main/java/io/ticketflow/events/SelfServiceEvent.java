package io.ticketflow.events;

/**
 * Events on {@code selfservice.answers}, written only by intake-service: questions the
 * knowledge base answered so that no ticket was needed. Keyed by the question id.
 */
public sealed interface SelfServiceEvent extends TicketflowEvent permits AnswerAccepted {

    /** The answered question's id. */
    String questionId();

    @Override
    default String key() {
        return questionId();
    }

    @Override
    default String eventSubject() {
        return questionId();
    }
}
