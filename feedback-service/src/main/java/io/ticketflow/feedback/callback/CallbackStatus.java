package io.ticketflow.feedback.callback;

/** Where a callback task stands: open until the customer was reached or every attempt failed. */
enum CallbackStatus { OPEN, COMPLETED }
