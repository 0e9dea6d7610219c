package io.ticketflow.events;

/** Why a ticket is on hold (PENDING); SLA clocks pause while the customer is awaited. */
public enum HoldReason { WAITING_FOR_CUSTOMER, WAITING_FOR_THIRD_PARTY }
