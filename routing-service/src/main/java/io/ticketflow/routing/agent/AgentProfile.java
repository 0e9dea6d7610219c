package io.ticketflow.routing.agent;

import io.ticketflow.events.Department;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What a registration sets on an agent; validated and normalised (skill tags lowercased). */
public record AgentProfile(
        String name,
        @Nullable String team,
        Department department,
        Map<String, Integer> skills,
        int capacity,
        List<String> vipCustomers) {
}
