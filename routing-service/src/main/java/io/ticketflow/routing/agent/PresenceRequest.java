package io.ticketflow.routing.agent;

import io.ticketflow.events.Presence;
import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /api/v1/agents/{agentId}/presence}: {@code ONLINE}, {@code AWAY} or {@code OFFLINE}. */
record PresenceRequest(@NotNull Presence presence) {
}
