package io.ticketflow.routing.agent;

import io.ticketflow.events.Department;
import io.ticketflow.events.Presence;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** An agent as the API shows it. {@code activeTickets} lists ticket numbers. */
record AgentView(
        String agentId,
        String name,
        @Nullable String team,
        Department department,
        Map<String, Integer> skills,
        int capacity,
        int load,
        Presence presence,
        List<String> activeTickets,
        @Nullable Instant lastAssignedAt,
        List<String> vipCustomers) {

    static AgentView of(Agent agent) {
        return new AgentView(agent.agentId(), agent.name(), agent.team(), agent.department(),
                new TreeMap<>(agent.skills()), agent.capacity(), agent.load(), agent.presence(),
                agent.activeTicketNos(), agent.lastAssignedAt(), agent.vipCustomers());
    }
}
