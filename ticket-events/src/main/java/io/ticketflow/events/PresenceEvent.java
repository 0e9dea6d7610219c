package io.ticketflow.events;

/** Events on {@code agent.presence}, keyed by agent id, written only by routing-service. */
public sealed interface PresenceEvent extends TicketflowEvent permits AgentPresenceChanged {

    /** The agent this is about. */
    String agentId();

    @Override
    default String key() {
        return agentId();
    }

    @Override
    default String eventSubject() {
        return agentId();
    }
}
