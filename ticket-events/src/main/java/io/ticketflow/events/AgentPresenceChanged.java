package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** An agent came online, went away or went offline. */
@CloudEventType("ticketflow.agent.presence-changed.v1")
public record AgentPresenceChanged(String agentId, Presence presence, Instant changedAt) implements PresenceEvent {

    public AgentPresenceChanged {
        requireNonNull(agentId, "agentId");
        requireNonNull(presence, "presence");
        requireNonNull(changedAt, "changedAt");
    }
}
