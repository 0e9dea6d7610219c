package io.ticketflow.routing.agent;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Loads the roster file at start-up: teams first, then agents, each validated like the API's
 * requests; a bad file stops the start with every problem listed. Loading is an upsert, so every
 * instance and every restart may load it again: profiles are overwritten, presence, load and held
 * tickets are kept, and a file's {@code presence} only applies to an agent the file creates.
 */
@Component
class RosterLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RosterLoader.class);
    private static final Pattern AGENT_ID = Pattern.compile(AgentController.AGENT_ID);
    private static final Pattern TEAM_ID = Pattern.compile(TeamController.TEAM_ID);

    private final RosterProperties properties;
    private final ResourceLoader resources;
    private final Validator validator;
    private final AgentRoster roster;
    private final Teams teams;

    RosterLoader(RosterProperties properties, ResourceLoader resources, Validator validator, AgentRoster roster, Teams teams) {
        this.properties = properties;
        this.resources = resources;
        this.validator = validator;
        this.roster = roster;
        this.teams = teams;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.file() == null || properties.file().isBlank()) {
            return;
        }
        RosterFile file = read(resources.getResource(properties.file()));
        List<String> problems = problems(file, validator);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("roster file " + properties.file() + " is invalid: " + String.join("; ", problems));
        }
        file.teams().forEach(team -> teams.put(team.id(), team.request()));
        for (RosterFile.AgentEntry agent : file.agents()) {
            boolean known = roster.find(agent.id()).isPresent();
            roster.register(agent.id(), agent.request().toProfile());
            if (!known && agent.presence() != null) {
                roster.changePresence(agent.id(), agent.presence());
            }
        }
        log.info("roster file loaded file={} teams={} agents={}", properties.file(), file.teams().size(), file.agents().size());
    }

    static RosterFile read(Resource resource) {
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("roster", resource);
            Binder binder = new Binder(ConfigurationPropertySources.from(sources));
            return binder.bind("", Bindable.of(RosterFile.class)).orElseGet(() -> new RosterFile(List.of(), List.of()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read roster file " + resource, e);
        }
    }

    static List<String> problems(RosterFile file, Validator validator) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < file.teams().size(); i++) {
            RosterFile.TeamEntry team = file.teams().get(i);
            if (team.id() == null || !TEAM_ID.matcher(team.id()).matches()) {
                problems.add("teams[" + i + "].id is missing or invalid");
            }
            describe("teams[" + i + "]", validator.validate(team.request()), problems);
        }
        for (int i = 0; i < file.agents().size(); i++) {
            RosterFile.AgentEntry agent = file.agents().get(i);
            if (agent.id() == null || !AGENT_ID.matcher(agent.id()).matches()) {
                problems.add("agents[" + i + "].id is missing or invalid");
            }
            describe("agents[" + i + "]", validator.validate(agent.request()), problems);
        }
        return problems;
    }

    private static <T> void describe(String prefix, Set<ConstraintViolation<T>> violations, List<String> problems) {
        violations.forEach(v -> problems.add(prefix + "." + v.getPropertyPath() + " " + v.getMessage()));
    }
}
