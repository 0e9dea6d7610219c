package io.ticketflow.routing.queue;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.events.Department;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The gauge {@code ticketflow.routing.queue.length{department}}: waiting tickets per department,
 * counted in MongoDB every {@code ticketflow.routing.queue.refresh-interval} so a scrape never
 * waits for the database.
 */
@Component
class QueueLength implements SchedulingConfigurer {

    static final String METER = "ticketflow.routing.queue.length";

    private static final Logger log = LoggerFactory.getLogger(QueueLength.class);

    private final WaitingTickets waitingTickets;
    private final QueueProperties properties;
    private final Map<Department, AtomicLong> lengths = new EnumMap<>(Department.class);

    QueueLength(WaitingTickets waitingTickets, QueueProperties properties, MeterRegistry registry) {
        this.waitingTickets = waitingTickets;
        this.properties = properties;
        for (Department department : Department.values()) {
            AtomicLong length = new AtomicLong();
            lengths.put(department, length);
            Gauge.builder(METER, length, AtomicLong::get)
                    .description("Tickets waiting for an agent")
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
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("queue length not refreshed cause={}", e.getClass().getSimpleName());
        }
    }
}
