package io.ticketflow.events;

/** What the customer is doing: complaining, asking or suggesting. */
public enum Nature { COMPLAINT, CONSULTATION, SUGGESTION }
