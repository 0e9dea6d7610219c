package io.ticketflow.feedback.callback;

/** Where a callback task stands: open until someone has called the customer back. */
enum CallbackStatus { OPEN }
