package io.ticketflow.routing.agent;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The teams of the roster: who leads and who supervises each. */
@Component
public class Teams {

    private static final Logger log = LoggerFactory.getLogger(Teams.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    Teams(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Optional<Team> find(@Nullable String teamId) {
        return teamId == null ? Optional.empty() : Optional.ofNullable(mongo.findById(teamId, Team.class));
    }

    List<Team> all() {
        return mongo.find(new Query().with(Sort.by("_id")), Team.class);
    }

    /** Creates or replaces a team. */
    public Team put(String teamId, TeamRequest request) {
        Update update = new Update()
                .set("name", request.name() == null || request.name().isBlank() ? teamId : request.name().strip())
                .set("department", request.department() == null ? null : request.department().name())
                .set("lead", request.lead().strip())
                .set("supervisor", request.supervisor().strip())
                .set("updatedAt", clock.instant().truncatedTo(ChronoUnit.MILLIS));
        mongo.upsert(query(where("_id").is(teamId)), update, Team.COLLECTION);
        log.info("team saved team={} department={}", teamId, request.department());
        return find(teamId).orElseThrow();
    }
}
