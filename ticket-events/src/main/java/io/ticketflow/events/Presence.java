package io.ticketflow.events;

/** An agent's presence; only ONLINE agents receive new tickets. */
public enum Presence { ONLINE, AWAY, OFFLINE }
