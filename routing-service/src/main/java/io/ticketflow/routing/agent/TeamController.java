package io.ticketflow.routing.agent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Teams over HTTP: their lead and supervisor, who receive escalations and callbacks. */
@RestController
@RequestMapping("/api/v1/teams")
class TeamController {

    static final String TEAM_ID = "[A-Za-z0-9._-]{1,100}";

    private final Teams teams;

    TeamController(Teams teams) {
        this.teams = teams;
    }

    @GetMapping
    List<Team> all() {
        return teams.all();
    }

    @GetMapping("/{teamId}")
    Team one(@PathVariable @Pattern(regexp = TEAM_ID) String teamId) {
        return teams.find(teamId).orElseThrow(() -> new UnknownTeamException(teamId));
    }

    /** Creates or replaces the team; the next assignments carry its lead and supervisor. */
    @PutMapping("/{teamId}")
    Team put(@PathVariable @Pattern(regexp = TEAM_ID) String teamId, @Valid @RequestBody TeamRequest request) {
        return teams.put(teamId, request);
    }

    /** No team with this id: 404. */
    static class UnknownTeamException extends ErrorResponseException {

        private static final long serialVersionUID = 1L;

        UnknownTeamException(String teamId) {
            super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "No team " + teamId + " exists; create it with PUT /api/v1/teams/" + teamId), null);
        }
    }
}
