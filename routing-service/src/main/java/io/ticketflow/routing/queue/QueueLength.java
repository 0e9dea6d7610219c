package io.ticketflow.routing.queue;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.events.Department;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The gauges {@code ticketflow.routing.queue.length{department}} (waiting tickets) and
 * {@code ticketflow.routing.queue.oldest.wait{department}} (seconds the longest waiting ticket
 * has waited), recounted from MongoDB every {@code ticketflow.routing.queue.refresh-interval} so
 * a scrape never waits for the database.
 */
@Component
class QueueLength implements SchedulingConfigurer {

    static final String METER = "ticketflow.routing.queue.length";
    static final String OLDEST = "ticketflow.routing.queue.oldest.wait";

    private static final Logger log = LoggerFactory.getLogger(QueueLength.class);

    private final WaitingTickets waitingTickets;
    private final QueueProperties properties;
    private final Map<Department, AtomicLong> lengths = new EnumMap<>(Department.class);
    private final Map<Department, AtomicLong> oldest = new EnumMap<>(Department.class);
    private final Clock clock;

    QueueLength(WaitingTickets waitingTickets, QueueProperties properties, MeterRegistry registry, Clock clock) {
        this.waitingTickets = waitingTickets;
        this.properties = properties;
        this.clock = clock;
        for (Department department : Department.values()) {
            AtomicLong length = new AtomicLong();
            lengths.put(department, length);
            Gauge.builder(METER, length, AtomicLong::get)
                    .description("Tickets waiting for an agent")
                    .tag("department", department.id())
                    .register(registry);
            AtomicLong wait = new AtomicLong();
            oldest.put(department, wait);
            Gauge.builder(OLDEST, wait, AtomicLong::get)
                    .description("How long the longest waiting ticket has waited")
                    .baseUnit("seconds")
                    .tag("department", department.id())
                    .register(registry);
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::refreshQuietly, properties.refreshInterval());
    }

    void refresh() {
        Map<Department, Long> counts = waitingTickets.countByDepartment();
        lengths.forEach((department, length) -> length.set(counts.getOrDefault(department, 0L)));
        Map<Department, Instant> firstQueued = new EnumMap<>(Department.class);
        for (WaitingTicket ticket : waitingTickets.waiting()) {
            firstQueued.merge(ticket.department(), ticket.queuedAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
        Instant now = clock.instant();
        oldest.forEach((department, wait) -> wait.set(firstQueued.containsKey(department)
                ? Math.max(0, Duration.between(firstQueued.get(department), now).toSeconds()) : 0));
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("queue length not refreshed cause={}", e.getClass().getSimpleName());
        }
    }
}
