package io.ticketflow.routing.agent;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The gauge {@code ticketflow.routing.agent.utilisation{team}}: weighted load over capacity of the
 * team's ONLINE agents (0 when none is online), recounted with the queue gauges. Teams are
 * bounded by the roster; agents without a team count as team {@code none}.
 */
@Component
class TeamUtilisation implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(TeamUtilisation.class);

    private final AgentRoster roster;
    private final MeterRegistry registry;
    private final java.time.Duration interval;
    private final Map<String, AtomicReference<Double>> teams = new ConcurrentHashMap<>();

    TeamUtilisation(AgentRoster roster, MeterRegistry registry,
            @Value("${ticketflow.routing.queue.refresh-interval:5s}") java.time.Duration interval) {
        this.roster = roster;
        this.registry = registry;
        this.interval = interval;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::refreshQuietly, interval);
    }

    void refresh() {
        Map<String, int[]> sums = new HashMap<>();
        for (Agent agent : roster.all()) {
            int[] sum = sums.computeIfAbsent(agent.team() == null ? "none" : agent.team(), t -> new int[2]);
            if (agent.online()) {
                sum[0] += agent.load();
                sum[1] += agent.capacity();
            }
        }
        sums.forEach((team, sum) -> teams.computeIfAbsent(team, t -> {
            AtomicReference<Double> value = new AtomicReference<>(0.0);
            Gauge.builder("ticketflow.routing.agent.utilisation", value, AtomicReference::get)
                    .description("Weighted load over capacity of the team's online agents")
                    .tag("team", t)
                    .register(registry);
            return value;
        }).set(sum[1] == 0 ? 0.0 : (double) sum[0] / sum[1]));
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("team utilisation not refreshed cause={}", e.getClass().getSimpleName());
        }
    }
}
