package io.ticketflow.events;

/** Where a ticket came in. Every channel goes through the same submission path in intake. */
public enum Channel { WEB, APP, CHAT, PHONE, EMAIL }
