package io.ticketflow.sla.clock;

import static java.util.Objects.requireNonNull;

import io.ticketflow.events.EventIds;
import io.ticketflow.events.Priority;
import io.ticketflow.events.SlaClockMet;
import io.ticketflow.events.SlaClockStarted;
import io.ticketflow.events.SlaMetric;
import io.ticketflow.sla.calendar.BusinessCalendar;
import io.ticketflow.sla.calendar.TimeMode;
import io.ticketflow.sla.policy.SlaPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One SLA clock of a ticket, e.g. its first-response clock, as stored in the {@code clocks}
 * collection. The id is deterministic (ticket, metric, round), so starting the same clock twice
 * finds the first one. Times are kept to the millisecond, the precision MongoDB stores, so that
 * events, documents and the API agree exactly.
 *
 * @param clockId       {@code EventIds.of("sla-clock", ticketId, metric, round)}; the document's {@code _id}
 * @param round         1 for the ticket's first clock of this metric (later rounds follow a reopen)
 * @param calendar      the business calendar the due time was counted on
 * @param budget        the allowance as a duration, e.g. {@code PT2H}; one working day is the calendar's working day
 * @param metAt         when the goal was reached, or null while running
 * @param onTime        whether it was reached by {@code dueAt}, or null while running
 * @param pendingEvents decided events not yet acknowledged by Kafka, oldest first
 */
@Document("clocks")
public record SlaClock(
        @Id String clockId,
        String ticketId,
        String ticketNo,
        SlaMetric metric,
        int round,
        Priority priority,
        String calendar,
        Duration budget,
        TimeMode mode,
        Instant startedAt,
        Instant dueAt,
        ClockState state,
        Instant metAt,
        Boolean onTime,
        List<PendingEvent> pendingEvents) {

    public SlaClock {
        requireNonNull(clockId, "clockId");
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(metric, "metric");
        requireNonNull(startedAt, "startedAt");
        requireNonNull(dueAt, "dueAt");
        requireNonNull(state, "state");
        pendingEvents = pendingEvents == null ? List.of() : List.copyOf(pendingEvents);
    }

    /** The id of a ticket's clock for a metric and round. */
    public static String idOf(String ticketId, SlaMetric metric, int round) {
        return EventIds.of("sla-clock", ticketId, metric, round).toString();
    }

    /**
     * A new running clock whose due time the policy and calendar decide, holding its
     * {@link SlaClockStarted} as a pending event.
     */
    public static SlaClock start(String ticketId, String ticketNo, SlaMetric metric, Priority priority, Instant at,
            SlaPolicy policy, BusinessCalendar calendar, Instant now) {
        int round = 1;
        String clockId = idOf(ticketId, metric, round);
        Instant startedAt = at.truncatedTo(ChronoUnit.MILLIS);
        Duration budget = policy.allowance().budgetOn(calendar);
        TimeMode mode = policy.allowance().mode();
        Instant dueAt = calendar.dueAt(startedAt, budget, mode);
        SlaClockStarted started = new SlaClockStarted(ticketId, ticketNo, clockId, metric, priority, budget, startedAt, dueAt);
        return new SlaClock(clockId, ticketId, ticketNo, metric, round, priority, calendar.id(), budget, mode,
                startedAt, dueAt, ClockState.RUNNING, null, null,
                List.of(PendingEvent.of(startedEventId(clockId), started, now)));
    }

    /** The {@code ce_id} of this clock's {@link SlaClockStarted}. */
    public static UUID startedEventId(String clockId) {
        return EventIds.of("sla-clock-started", clockId);
    }

    /** The {@code ce_id} of this clock's {@link SlaClockMet}. */
    public static UUID metEventId(String clockId) {
        return EventIds.of("sla-clock-met", clockId);
    }

    /** Whether the clock is still counting. */
    public boolean running() {
        return state == ClockState.RUNNING;
    }

    /** The clock's goal reached at {@code at}: met on time when {@code at} is not after the due time. */
    public Met meet(Instant at, Instant now) {
        if (!running()) {
            throw new IllegalStateException("clock " + clockId + " is already " + state);
        }
        Instant metAt = at.truncatedTo(ChronoUnit.MILLIS);
        boolean onTime = !metAt.isAfter(dueAt);
        SlaClockMet met = new SlaClockMet(ticketId, ticketNo, clockId, metric, startedAt, dueAt, metAt, onTime);
        return new Met(metAt, onTime, PendingEvent.of(metEventId(clockId), met, now));
    }

    /**
     * Whole seconds of wall-clock time left until the due time, rounded down, so negative as soon
     * as the clock is overdue; null once the clock stopped.
     */
    public Long remainingSecondsAt(Instant now) {
        if (!running()) {
            return null;
        }
        return Math.floorDiv(Duration.between(now, dueAt).toMillis(), 1000L);
    }

    /**
     * A decided stop: the state change and the event to publish, to be stored together.
     *
     * @param event the pending {@link SlaClockMet}
     */
    public record Met(Instant metAt, boolean onTime, PendingEvent event) {
    }
}
