package io.ticketflow.events;

/** P0 core business or many users down … P3 cosmetic, single user or suggestion. */
public enum Priority { P0, P1, P2, P3 }
