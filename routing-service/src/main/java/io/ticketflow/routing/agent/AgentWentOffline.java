package io.ticketflow.routing.agent;

/**
 * An agent went OFFLINE: the tickets they hold must go to someone else. Published in-process,
 * synchronously; the sweep redoes it for an offline agent still holding tickets after a crash.
 */
public record AgentWentOffline(String agentId) {
}
