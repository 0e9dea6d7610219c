package io.ticketflow.routing.queue;

import io.ticketflow.events.Department;
import io.ticketflow.events.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/v1/queue}: every department (enum name) with its waiting tickets in serving order. */
record QueueView(Map<String, List<Entry>> departments) {

    record Entry(String ticketNo, Priority priority, List<String> tags, boolean expedite, @Nullable Instant dueAt,
            long waitingSeconds) {
    }

    static QueueView of(Collection<WaitingTicket> waiting, Instant now) {
        Map<String, List<Entry>> departments = new LinkedHashMap<>();
        for (Department department : Department.values()) {
            departments.put(department.name(), new ArrayList<>());
        }
        waiting.stream().sorted(QueueOrder.FIRST_SERVED).forEach(t -> departments.get(t.department().name())
                .add(new Entry(t.ticketNo(), t.priority(), t.tags(), t.expedite(), t.dueAt(),
                        Math.max(0, Duration.between(t.queuedAt(), now).toSeconds()))));
        return new QueueView(departments);
    }
}
