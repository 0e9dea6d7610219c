package io.ticketflow.events;

/** What an SLA clock measures. */
public enum SlaMetric { FIRST_RESPONSE, NEXT_RESPONSE, RESOLUTION, NEEDS_INFO_FOLLOW_UP, COLLABORATOR_PROGRESS, CALLBACK }
