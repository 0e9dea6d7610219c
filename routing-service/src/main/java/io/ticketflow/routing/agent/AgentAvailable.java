package io.ticketflow.routing.agent;

/**
 * An agent may be able to take waiting tickets now: they came online, or their profile was
 * registered or changed (more capacity, new skills). Published in-process, synchronously.
 */
public record AgentAvailable(String agentId) {
}
