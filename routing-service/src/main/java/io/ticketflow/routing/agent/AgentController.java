package io.ticketflow.routing.agent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The agent roster over HTTP: register or update an agent, change presence, list the roster. */
@RestController
@RequestMapping("/api/v1/agents")
class AgentController {

    static final String AGENT_ID = "[A-Za-z0-9._-]{1,64}";

    private final AgentRoster roster;

    AgentController(AgentRoster roster) {
        this.roster = roster;
    }

    /** Creates the agent or updates their profile; presence, load and held tickets are kept. */
    @PutMapping("/{agentId}")
    AgentView register(@PathVariable @Pattern(regexp = AGENT_ID) String agentId, @Valid @RequestBody AgentRequest request) {
        return AgentView.of(roster.register(agentId, request.toProfile()));
    }

    /** Sets presence; an agent coming online takes waiting tickets before this returns. */
    @PutMapping("/{agentId}/presence")
    AgentView presence(@PathVariable @Pattern(regexp = AGENT_ID) String agentId, @Valid @RequestBody PresenceRequest request) {
        return AgentView.of(roster.changePresence(agentId, request.presence()));
    }

    @GetMapping
    List<AgentView> all() {
        return roster.all().stream().map(AgentView::of).toList();
    }

    @GetMapping("/{agentId}")
    AgentView one(@PathVariable @Pattern(regexp = AGENT_ID) String agentId) {
        return roster.find(agentId).map(AgentView::of).orElseThrow(() -> new UnknownAgentException(agentId));
    }
}
