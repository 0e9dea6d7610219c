package io.ticketflow.feedback.survey;

/**
 * Where a survey stands. Only {@code SENT} and {@code ANSWERED} are stored; {@code EXPIRED} is
 * what an unanswered survey is once its time is up (see {@link Survey#statusAt}).
 */
enum SurveyStatus { SENT, ANSWERED, EXPIRED }
