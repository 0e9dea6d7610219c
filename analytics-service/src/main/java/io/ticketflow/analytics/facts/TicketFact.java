package io.ticketflow.analytics.facts;

import io.ticketflow.events.Channel;
import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
import io.ticketflow.events.TicketType;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the events so far say about one ticket: the read model the KPIs are computed from.
 * Anything not yet heard of is null (or empty), e.g. {@code createdAt} while the ticket's
 * {@code TicketCreated} has not arrived although a later event has.
 *
 * @param department      the owning department's id at creation, e.g. {@code tech}
 * @param firstResponseAt the earliest agent reply
 * @param resolvedAt      the first resolution
 * @param assignee        the agent of the latest assignment
 * @param slaClocks       every SLA clock heard of, started or met
 * @param ratings         one per answered survey
 * @param callbacksOpened callbacks opened after low ratings
 */
public record TicketFact(
        String ticketId,
        @Nullable String ticketNo,
        @Nullable Channel channel,
        @Nullable TicketType type,
        @Nullable Nature nature,
        @Nullable Priority priority,
        @Nullable String department,
        @Nullable Instant createdAt,
        @Nullable Instant firstResponseAt,
        @Nullable Instant resolvedAt,
        @Nullable String assignee,
        int assignmentCount,
        List<SlaClock> slaClocks,
        List<Rating> ratings,
        int callbacksOpened) {

    public TicketFact {
        slaClocks = List.copyOf(slaClocks);
        ratings = List.copyOf(ratings);
    }

    /** True once the ticket's creation is known. */
    public boolean created() {
        return createdAt != null;
    }

    /** True once the ticket was resolved at least once. */
    public boolean resolved() {
        return resolvedAt != null;
    }

    /**
     * One SLA clock of the ticket.
     *
     * @param metric what it measures, e.g. {@code FIRST_RESPONSE}
     * @param metAt  when its goal was reached, or null while it runs
     * @param onTime whether it was met by its due time; null while it runs
     */
    public record SlaClock(String clockId, String metric, @Nullable Instant dueAt, @Nullable Instant metAt,
            @Nullable Boolean onTime) {

        /** True once the clock stopped because its goal was reached. */
        public boolean met() {
            return metAt != null;
        }
    }

    /**
     * A customer's answer to one survey.
     *
     * @param rating   1–5 stars
     * @param npsScore 0–10, or null when not given
     */
    public record Rating(String surveyId, int rating, @Nullable Integer npsScore) {
    }
}
