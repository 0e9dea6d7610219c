package io.ticketflow.analytics.facts;

import io.ticketflow.events.Channel;
import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.TicketType;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the events so far say about one ticket: the read model the KPIs are computed from.
 * Anything not yet heard of is null (or empty), e.g. {@code createdAt} while the ticket's
 * {@code TicketCreated} has not arrived although a later event has.
 *
 * @param department      the owning department's id (at creation, or after a reclassification), e.g. {@code tech}
 * @param tags            the issue tags given at intake
 * @param firstResponseAt the earliest agent reply
 * @param resolvedAt      the first resolution
 * @param closedAt        the first closing
 * @param assignee        the agent of the latest assignment
 * @param team            the team of the latest assignment
 * @param reopens         how often the ticket was reopened (highest {@code reopenNo})
 * @param transfers       how often it was transferred (highest {@code transferCount})
 * @param repeatContact   whether intake detected a repeat contact within 30 days
 * @param slaClocks       every SLA clock heard of
 * @param ratings         one per answered survey
 * @param callbacks       one per callback opened or completed
 * @param escalations     one per escalation
 * @param timeline        every event applied, in arrival order (see {@link #timelineInOrder()})
 */
public record TicketFact(
        String ticketId,
        @Nullable String ticketNo,
        @Nullable Channel channel,
        @Nullable TicketType type,
        @Nullable Nature nature,
        @Nullable Priority priority,
        @Nullable String department,
        List<String> tags,
        @Nullable Instant createdAt,
        @Nullable Instant firstResponseAt,
        @Nullable Instant resolvedAt,
        @Nullable Instant closedAt,
        @Nullable String assignee,
        @Nullable String team,
        int assignmentCount,
        int reopens,
        int transfers,
        boolean repeatContact,
        List<SlaClock> slaClocks,
        List<Rating> ratings,
        List<Callback> callbacks,
        List<Escalation> escalations,
        List<Moment> timeline) {

    public TicketFact {
        tags = List.copyOf(tags);
        slaClocks = List.copyOf(slaClocks);
        ratings = List.copyOf(ratings);
        callbacks = List.copyOf(callbacks);
        escalations = List.copyOf(escalations);
        timeline = List.copyOf(timeline);
    }

    /** True once the ticket's creation is known. */
    public boolean created() {
        return createdAt != null;
    }

    /** True once the ticket was resolved at least once. */
    public boolean resolved() {
        return resolvedAt != null;
    }

    /** Callbacks opened after low ratings. */
    public int callbacksOpened() {
        return callbacks.size();
    }

    /**
     * The timeline ordered by business time; events of one moment by lifecycle sequence, then by
     * event id, so the order never depends on the order of arrival.
     */
    public List<Moment> timelineInOrder() {
        return timeline.stream()
                .sorted(Comparator.comparing(Moment::at)
                        .thenComparing(m -> m.sequence() == null ? Long.MAX_VALUE : m.sequence())
                        .thenComparing(Moment::eventId))
                .toList();
    }

    /**
     * The status now: the one the lifecycle event with the highest sequence left (events of other
     * topics do not move it), except that a new or open ticket that routing assigned is
     * {@code ASSIGNED}. Null while no lifecycle event arrived.
     */
    public @Nullable TicketStatus status() {
        Moment latest = null;
        boolean assigned = false;
        for (Moment moment : timeline) {
            if (moment.sequence() != null && moment.status() != null
                    && (latest == null || moment.sequence() > latest.sequence())) {
                latest = moment;
            }
            assigned |= moment.sequence() == null && moment.status() == TicketStatus.ASSIGNED;
        }
        if (latest == null) {
            return null;
        }
        if (assigned && (latest.status() == TicketStatus.NEW || latest.status() == TicketStatus.OPEN)) {
            return TicketStatus.ASSIGNED;
        }
        return latest.status();
    }

    /** True while the ticket is neither resolved nor closed (its current status). */
    public boolean open() {
        TicketStatus status = status();
        if (status == null) {
            return !resolved() && closedAt == null;
        }
        return status != TicketStatus.RESOLVED && status != TicketStatus.CLOSED;
    }

    /**
     * One SLA clock of the ticket.
     *
     * @param metric     what it measures, e.g. {@code FIRST_RESPONSE}
     * @param metAt      when its goal was reached, or null
     * @param onTime     whether it was met by its due time; null while not met
     * @param breachedAt when it breached, or null
     * @param stoppedAt  when it was stopped without a verdict, or null
     * @param pausedAt   when it was paused, null while it is not paused
     * @param priority   the priority its budget was set for, if sla told
     */
    public record SlaClock(String clockId, String metric, @Nullable Instant startedAt, @Nullable Instant dueAt,
            @Nullable Instant metAt, @Nullable Boolean onTime, @Nullable Instant breachedAt, @Nullable Instant stoppedAt,
            @Nullable Instant pausedAt, @Nullable String priority) {

        /** True while it counts down: started, not paused, and neither met, breached nor stopped. */
        public boolean running() {
            return startedAt != null && dueAt != null && metAt == null && breachedAt == null && stoppedAt == null
                    && pausedAt == null;
        }

        /** True once the clock stopped because its goal was reached. */
        public boolean met() {
            return metAt != null;
        }

        /** True once the clock has a verdict: met (on time or late) or breached. */
        public boolean decided() {
            return metAt != null || breachedAt != null;
        }

        /** True when it was met on time and never breached. */
        public boolean attained() {
            return Boolean.TRUE.equals(onTime) && breachedAt == null;
        }
    }

    /**
     * A customer's answer to one survey.
     *
     * @param rating   1–5 stars
     * @param npsScore 0–10, or null when not given
     * @param recovery true when the answer followed a callback and is satisfied (feedback's verdict)
     */
    public record Rating(String surveyId, int rating, @Nullable Integer npsScore, @Nullable Instant ratedAt,
            boolean recovery) {
    }

    /**
     * A callback after a low rating.
     *
     * @param outcome {@code SATISFIED}, {@code REOPEN} or {@code UNREACHABLE} once completed, else null
     */
    public record Callback(String callbackId, @Nullable Instant openedAt, @Nullable Instant completedAt,
            @Nullable String outcome) {

        public boolean completed() {
            return completedAt != null;
        }
    }

    /** An escalation of the ticket. */
    public record Escalation(String escalationId, String level, String department, @Nullable Instant escalatedAt) {
    }

    /**
     * One event on the ticket's timeline.
     *
     * @param event    the record's simple name, e.g. {@code TicketAssigned}
     * @param at       when it happened (the event's own time)
     * @param sequence the lifecycle sequence number, null for events of other topics
     * @param status   the status it leaves the ticket in, null when it does not move it
     * @param detail   a short description without personal data
     */
    public record Moment(String eventId, String event, Instant at, @Nullable Long sequence,
            @Nullable TicketStatus status, @Nullable String detail) {
    }
}
